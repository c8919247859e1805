/* PSCI function identifiers and return values (ARM DEN 0022D, 5.1 and 5.2), SMC32 calling convention. */
#ifndef HYP_PSCI_IDS_H
#define HYP_PSCI_IDS_H

#define PSCI_FN_BASE                0x84000000u     /* SMC32: function n is BASE + n */
#define PSCI_FN64_BASE              0xc4000000u     /* SMC64 */
#define PSCI_FN_COUNT               0x20u           /* the range PSCI reserves in each */

#define PSCI_FN_VERSION             (PSCI_FN_BASE + 0x0u)
#define PSCI_FN_CPU_SUSPEND         (PSCI_FN_BASE + 0x1u)
#define PSCI_FN_CPU_OFF             (PSCI_FN_BASE + 0x2u)
#define PSCI_FN_CPU_ON              (PSCI_FN_BASE + 0x3u)
#define PSCI_FN_AFFINITY_INFO       (PSCI_FN_BASE + 0x4u)
#define PSCI_FN_MIGRATE             (PSCI_FN_BASE + 0x5u)
#define PSCI_FN_MIGRATE_INFO_TYPE   (PSCI_FN_BASE + 0x6u)
#define PSCI_FN_MIGRATE_INFO_UP_CPU (PSCI_FN_BASE + 0x7u)
#define PSCI_FN_SYSTEM_OFF          (PSCI_FN_BASE + 0x8u)
#define PSCI_FN_SYSTEM_RESET        (PSCI_FN_BASE + 0x9u)
#define PSCI_FN_FEATURES            (PSCI_FN_BASE + 0xau)

#define PSCI_SUCCESS                0u
#define PSCI_NOT_SUPPORTED          ((uint32_t)-1)
#define PSCI_INVALID_PARAMETERS     ((uint32_t)-2)
#define PSCI_DENIED                 ((uint32_t)-3)

#endif
