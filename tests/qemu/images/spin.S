@ Smallest ELF guest for the refused-image tests; linked at various places.
	.global	_start
_start:	b	_start
