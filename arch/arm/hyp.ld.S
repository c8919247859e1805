/* Linked at the hypervisor's virtual window, loaded at its physical address. */
#include "generated/config.h"

OUTPUT_FORMAT("elf32-littlearm")
OUTPUT_ARCH(arm)
ENTRY(hyp_entry_phys)

SVC_STACK_SIZE = 0x4000;

SECTIONS
{
	. = CONFIG_HYP_VA_BASE;
	hyp_image_start = .;
	.text : AT(CONFIG_HYP_LOAD_ADDR) {
		*(.text.boot)
		*(.text.vectors)
		*(.text .text.*)
	}
	.rodata : { *(.rodata .rodata.*) }
	hyp_rodata_end = .;
	.data : { *(.data .data.*) }
	hyp_load_end = .;

	. = ALIGN(16384);
	.pgtable (NOLOAD) : { *(.pgtable.l1) *(.pgtable) }
	.bss (NOLOAD) : {
		bss_start = .;
		*(.bss .bss.*) *(COMMON)
		. = ALIGN(8);
		svc_stack_bottom = .;
		. += SVC_STACK_SIZE;
		svc_stack_top = .;
		bss_end = .;
	}
	hyp_image_end = .;

	/DISCARD/ : { *(.ARM.exidx*) *(.comment) }
}

hyp_entry_phys = _start - CONFIG_HYP_VA_BASE + CONFIG_HYP_LOAD_ADDR;
ASSERT(hyp_image_end - hyp_image_start <= CONFIG_HYP_RAM_SIZE, "hypervisor image larger than HYP_RAM_SIZE")
ASSERT((CONFIG_HYP_LOAD_ADDR & 0xfffff) == 0, "HYP_LOAD_ADDR must be 1 MiB aligned")
ASSERT((CONFIG_HYP_VA_BASE & 0xfffff) == 0, "HYP_VA_BASE must be 1 MiB aligned")
