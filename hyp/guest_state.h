/*
 * A guest's life (the partition state machine of seed 004): the states a
 * guest passes through, the events that move it, and what each state lets
 * it have. Portable: host tests check every transition.
 *
 *   configured --load--> loading --loaded--> running
 *   loading --refused--> crashed
 *   running --power-off / halt-as-asked--> halted            (final)
 *   running --stop--> crashed --load (restarts left)--> loading
 *   running --reset--> resetting --load--> loading
 *
 * Only a running guest has the board's devices it owns (their mappings and
 * interrupts): when it leaves that state they are quiesced and taken back,
 * and it gets them again only by being loaded anew.
 */
#ifndef HYP_GUEST_STATE_H
#define HYP_GUEST_STATE_H

#include <stdbool.h>
#include <stdint.h>

enum guest_state {
	GUEST_CONFIGURED,       /* in the configuration, not loaded yet */
	GUEST_LOADING,          /* its image being loaded, its vCPU and devices set up */
	GUEST_RUNNING,          /* scheduled (or waiting for an interrupt) */
	GUEST_RESETTING,        /* asked the board for a reset: loaded again, as the board would restart */
	GUEST_HALTED,           /* ended as it asked: powered off, or halted after saying so */
	GUEST_CRASHED,          /* stopped: did what cannot be virtualized, or its image was refused */
	GUEST_STATE_COUNT
};

enum guest_event {
	GUEST_EV_LOAD,          /* the hypervisor starts loading it */
	GUEST_EV_LOADED,
	GUEST_EV_REFUSED,       /* its image or configuration refused */
	GUEST_EV_POWER_OFF,     /* powered off, or halted after saying so */
	GUEST_EV_STOP,          /* stopped by the hypervisor */
	GUEST_EV_RESET,         /* asked the board for a reset */
	GUEST_EVENT_COUNT
};

/* The state `event` moves a guest in `state` to; `state` itself if the event cannot happen there. */
enum guest_state guest_state_next(enum guest_state state, enum guest_event event, uint32_t restarts_done,
				  uint32_t restarts_allowed);
/* Is a guest that left running in `state` loaded again (a reset; a crash while restarts last)? */
bool guest_state_reloads(enum guest_state state, uint32_t restarts_done, uint32_t restarts_allowed);
/* May a guest in `state` have the board's devices it owns? */
bool guest_state_has_devices(enum guest_state state);
/* Is a guest in `state` done for good (the run ends when every guest is)? */
bool guest_state_final(enum guest_state state, uint32_t restarts_done, uint32_t restarts_allowed);
const char *guest_state_name(enum guest_state state);

#endif
