#include <stddef.h>

#include "arch/arm/vfp_state.h"
#include "hyp/cp15_hooks.h"
#include "hyp/guest_set.h"
#include "hyp/vfp_owner.h"

bool vfp_owned_by(const struct guest *g)
{
	return g->set->vfp_owner == g;
}

bool vfp_take(struct guest *g)
{
	struct guest_set *s = g->set;

	if (!s->vfp || s->vfp_owner == g)
		return false;
	if (s->vfp_owner)
		vfp_state_save(&s->vfp_owner->real.vfp);
	vfp_state_restore(&g->real.vfp);
	s->vfp_owner = g;
	g->vfp_loads++;
	cp15_hook_cpacr_changed(&g->vcpu);
	return true;
}

void vfp_forget(struct guest *g)
{
	if (g->set->vfp_owner == g)
		g->set->vfp_owner = NULL;
}
