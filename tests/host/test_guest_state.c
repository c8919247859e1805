/* The partition state machine: every state against every event, restarts, and who has devices. */
#include "hyp/guest_state.h"
#include "test.h"

/* The expected transitions, by state and event, with restarts left (1 of 2 used); -1: stays. */
static const int with_restarts[GUEST_STATE_COUNT][GUEST_EVENT_COUNT] = {
	/*                   LOAD            LOADED         REFUSED        POWER_OFF     STOP           RESET */
	[GUEST_CONFIGURED] = { GUEST_LOADING, -1,            -1,            -1,           -1,            -1 },
	[GUEST_LOADING] =    { -1,            GUEST_RUNNING, GUEST_CRASHED, -1,           -1,            -1 },
	[GUEST_RUNNING] =    { -1,            -1,            -1,            GUEST_HALTED, GUEST_CRASHED, GUEST_RESETTING },
	[GUEST_RESETTING] =  { GUEST_LOADING, -1,            -1,            -1,           -1,            -1 },
	[GUEST_HALTED] =     { -1,            -1,            -1,            -1,           -1,            -1 },
	[GUEST_CRASHED] =    { GUEST_LOADING, -1,            -1,            -1,           -1,            -1 },
};

TEST(guest_state_every_transition)
{
	for (int st = 0; st < GUEST_STATE_COUNT; st++) {
		for (int ev = 0; ev < GUEST_EVENT_COUNT; ev++) {
			int want = with_restarts[st][ev] < 0 ? st : with_restarts[st][ev];
			enum guest_state got = guest_state_next((enum guest_state)st, (enum guest_event)ev, 1, 2);

			if ((int)got != want)
				FAIL("%s + event %d: %s, expected %s", guest_state_name((enum guest_state)st), ev,
				     guest_state_name(got), guest_state_name((enum guest_state)want));
			/* Without restarts left, a crashed guest stays crashed; a reset still reloads. */
			want = st == GUEST_CRASHED ? st : want;
			got = guest_state_next((enum guest_state)st, (enum guest_event)ev, 2, 2);
			if ((int)got != want)
				FAIL("%s + event %d with no restart left: %s, expected %s",
				     guest_state_name((enum guest_state)st), ev, guest_state_name(got),
				     guest_state_name((enum guest_state)want));
		}
	}
}

TEST(guest_state_reloads_and_final)
{
	CHECK(guest_state_reloads(GUEST_RESETTING, 0, 0));
	CHECK(guest_state_reloads(GUEST_RESETTING, 9, 1));
	CHECK(guest_state_reloads(GUEST_CRASHED, 0, 1));
	CHECK(!guest_state_reloads(GUEST_CRASHED, 1, 1));
	CHECK(!guest_state_reloads(GUEST_CRASHED, 0, 0));
	CHECK(!guest_state_reloads(GUEST_HALTED, 0, 5));
	CHECK(!guest_state_reloads(GUEST_RUNNING, 0, 5));
	CHECK(guest_state_final(GUEST_HALTED, 0, 5));
	CHECK(guest_state_final(GUEST_CRASHED, 3, 3));
	CHECK(!guest_state_final(GUEST_CRASHED, 2, 3));
	CHECK(!guest_state_final(GUEST_RESETTING, 0, 0));
	for (int st = GUEST_CONFIGURED; st <= GUEST_LOADING; st++)
		CHECK(!guest_state_final((enum guest_state)st, 0, 0));
	CHECK(!guest_state_final(GUEST_RUNNING, 0, 0));
}

TEST(guest_state_only_running_has_devices)
{
	for (int st = 0; st < GUEST_STATE_COUNT; st++)
		CHECK_EQ(guest_state_has_devices((enum guest_state)st), st == GUEST_RUNNING);
	CHECK_STR(guest_state_name(GUEST_CRASHED), "crashed");
	CHECK_STR(guest_state_name(GUEST_STATE_COUNT), "?");
}
