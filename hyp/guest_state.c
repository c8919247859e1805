/* The partition state machine (hyp/guest_state.h). Portable: also built for host tests. */
#include "hyp/guest_state.h"

bool guest_state_reloads(enum guest_state state, uint32_t restarts_done, uint32_t restarts_allowed)
{
	return state == GUEST_RESETTING || (state == GUEST_CRASHED && restarts_done < restarts_allowed);
}

enum guest_state guest_state_next(enum guest_state state, enum guest_event event, uint32_t restarts_done,
				  uint32_t restarts_allowed)
{
	switch (state) {
	case GUEST_CONFIGURED:
		return event == GUEST_EV_LOAD ? GUEST_LOADING : state;
	case GUEST_LOADING:
		if (event == GUEST_EV_LOADED)
			return GUEST_RUNNING;
		return event == GUEST_EV_REFUSED ? GUEST_CRASHED : state;
	case GUEST_RUNNING:
		if (event == GUEST_EV_POWER_OFF)
			return GUEST_HALTED;
		if (event == GUEST_EV_STOP)
			return GUEST_CRASHED;
		return event == GUEST_EV_RESET ? GUEST_RESETTING : state;
	case GUEST_RESETTING:
	case GUEST_CRASHED:
		return event == GUEST_EV_LOAD && guest_state_reloads(state, restarts_done, restarts_allowed) ?
		       GUEST_LOADING : state;
	case GUEST_HALTED:
	default:
		return state;
	}
}

bool guest_state_has_devices(enum guest_state state)
{
	return state == GUEST_RUNNING;
}

bool guest_state_final(enum guest_state state, uint32_t restarts_done, uint32_t restarts_allowed)
{
	return state == GUEST_HALTED ||
	       (state == GUEST_CRASHED && !guest_state_reloads(state, restarts_done, restarts_allowed));
}

const char *guest_state_name(enum guest_state state)
{
	static const char *const names[GUEST_STATE_COUNT] = {
		[GUEST_CONFIGURED] = "configured",
		[GUEST_LOADING] = "loading",
		[GUEST_RUNNING] = "running",
		[GUEST_RESETTING] = "resetting",
		[GUEST_HALTED] = "halted",
		[GUEST_CRASHED] = "crashed",
	};

	return (unsigned)state < GUEST_STATE_COUNT ? names[state] : "?";
}
