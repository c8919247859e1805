#include <string.h>

#include "ref_perm.h"

/* B3.7.1, table "VMSAv7 AP[2:0] encoding": rights of PL0 and PL1. */
static const struct {
	const char *pl0, *pl1;
} ap_table[8] = {
	{ "", "" },     /* 000 no access */
	{ "", "rw" },   /* 001 privileged access only */
	{ "r", "rw" },  /* 010 writes at PL0 fault */
	{ "rw", "rw" }, /* 011 full access */
	{ "", "" },     /* 100 reserved */
	{ "", "r" },    /* 101 privileged read-only */
	{ "r", "r" },   /* 110 read-only */
	{ "r", "r" },   /* 111 read-only */
};

bool ref_access_allowed(unsigned dacr_field, unsigned ap, bool xn, bool privileged, enum ref_access a)
{
	const char *rights = privileged ? ap_table[ap & 7u].pl1 : ap_table[ap & 7u].pl0;

	switch (dacr_field & 3u) {
	case 1:                 /* client: check the descriptor */
		break;
	case 3:                 /* manager: no permission check, XN not checked either */
		return true;
	default:                /* no access, reserved: domain fault */
		return false;
	}
	if (a == REF_WRITE)
		return strchr(rights, 'w') != NULL;
	if (a == REF_EXEC && xn)
		return false;
	return strchr(rights, 'r') != NULL;     /* fetch needs read permission */
}
