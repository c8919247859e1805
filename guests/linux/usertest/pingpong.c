/* Turn-taking between two processes or threads over a pair of pipes. Both
 * sides write their token before reading the peer's, so neither can block
 * the other for good, and each read that finds no token yet switches to the
 * peer: the rounds interleave the two sides on one CPU. */
#include <unistd.h>

#include "ut.h"

void pp_open(struct pingpong *pp)
{
	ut_must(pipe(pp->to_child) == 0 && pipe(pp->to_parent) == 0,
		"usertest: pipe");
	pp->rfd = pp->wfd = -1;
}

void pp_side(struct pingpong *pp, bool child)
{
	pp->rfd = child ? pp->to_child[0] : pp->to_parent[0];
	pp->wfd = child ? pp->to_parent[1] : pp->to_child[1];
}

bool pp_round(struct pingpong *pp)
{
	char token = 't';

	return write(pp->wfd, &token, 1) == 1 && read(pp->rfd, &token, 1) == 1;
}

void pp_close(struct pingpong *pp)
{
	close(pp->to_child[0]);
	close(pp->to_child[1]);
	close(pp->to_parent[0]);
	close(pp->to_parent[1]);
}
