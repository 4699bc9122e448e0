/*
 * poweroff - power off the machine: sync the file systems, then reboot(2) with
 * LINUX_REBOOT_MAGIC1/MAGIC2 and LINUX_REBOOT_CMD_POWER_OFF (which
 * is what RB_POWER_OFF stands for in <sys/reboot.h>; the libc adds the magics).
 *
 * The host build (RXOS_HOST_BUILD, for testing the other programs on a
 * development machine) only says what it would do: a test run as root
 * must never power off the machine it runs on.
 */
#include <stdio.h>
#include <sys/reboot.h>
#include <unistd.h>

int main(void)
{
#ifdef RXOS_HOST_BUILD
	printf("poweroff: host build, not calling reboot(RB_POWER_OFF)\n");
	return 0;
#else
	sync();
	if (reboot(RB_POWER_OFF) < 0) {
		perror("poweroff");
		return 1;
	}
	return 0;
#endif
}
