@ An ELF guest whose .bss is larger than the guest's RAM.
	.global	_start
_start:	b	_start
	.bss
	.space	0x20100000
