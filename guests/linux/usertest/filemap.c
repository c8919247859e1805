/* File mappings past the end of the file: the rest of the last page reads
 * as zeros, whole pages beyond it raise SIGBUS BUS_ADRERR, and the mapping
 * follows the file as it grows and shrinks. */
#include <signal.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "probe.h"
#include "ut.h"

#define FILE_SIZE 100
#define WORD 0x46494c45u

void group_filemap(void)
{
	int fd = memfd_create("usertest-filemap", 0);
	uint8_t buf[FILE_SIZE] = { 0 };
	uintptr_t p;

	ut_must(fd >= 0, "usertest: memfd");
	memcpy(buf, &(uint32_t){ WORD }, sizeof(uint32_t));
	ut_must(write(fd, buf, sizeof(buf)) == sizeof(buf), "usertest: write");
	p = (uintptr_t)mmap(NULL, 2 * UT_PAGE, PROT_READ | PROT_WRITE,
			    MAP_SHARED, fd, 0);
	ut_must(p != (uintptr_t)MAP_FAILED, "usertest: mmap");

	probe("filemap_read_data", PROBE_READ, false, p, WORD, 0, 0);
	probe("filemap_read_past_eof_same_page", PROBE_READ, true, p + 200, 0,
	      0, 0);
	probe("filemap_read_page_past_eof_arm", PROBE_READ, false,
	      p + UT_PAGE + 8, 0, SIGBUS, BUS_ADRERR);
	probe("filemap_read_page_past_eof_thumb", PROBE_READ, true,
	      p + UT_PAGE, 0, SIGBUS, BUS_ADRERR);
	probe("filemap_write_page_past_eof", PROBE_WRITE, false,
	      p + UT_PAGE + 16, 1, SIGBUS, BUS_ADRERR);

	ut_must(ftruncate(fd, 2 * UT_PAGE) == 0, "usertest: ftruncate");
	probe("filemap_grown_read", PROBE_READ, false, p + UT_PAGE + 8, 0,
	      0, 0);
	probe("filemap_grown_write", PROBE_WRITE, true, p + UT_PAGE + 8,
	      0x600d, 0, 0);

	ut_must(ftruncate(fd, 0) == 0, "usertest: ftruncate");
	probe("filemap_shrunk_read", PROBE_READ, false, p + 4, 0,
	      SIGBUS, BUS_ADRERR);
	munmap((void *)p, 2 * UT_PAGE);
	close(fd);
}
