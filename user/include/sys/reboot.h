/*
 * sys/reboot.h - rxos user libc: reboot(howto), as glibc declares it.
 * The wrapper adds LINUX_REBOOT_MAGIC1/MAGIC2 and passes howto as the cmd.
 */
#ifndef _RXOS_SYS_REBOOT_H
#define _RXOS_SYS_REBOOT_H

#include <linux/reboot.h>

#define RB_AUTOBOOT LINUX_REBOOT_CMD_RESTART
#define RB_HALT_SYSTEM LINUX_REBOOT_CMD_HALT
#define RB_ENABLE_CAD LINUX_REBOOT_CMD_CAD_ON
#define RB_DISABLE_CAD LINUX_REBOOT_CMD_CAD_OFF
#define RB_POWER_OFF LINUX_REBOOT_CMD_POWER_OFF

int reboot(int howto);

#endif
