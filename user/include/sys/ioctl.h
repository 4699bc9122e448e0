/* sys/ioctl.h - rxos user libc: ioctl(2) and the Linux tty request numbers
 * (include/uapi/asm-generic/ioctls.h). */
#ifndef _RXOS_SYS_IOCTL_H
#define _RXOS_SYS_IOCTL_H

#define TCGETS 0x5401
#define TCSETS 0x5402
#define TCSETSW 0x5403
#define TCSETSF 0x5404
#define TIOCSCTTY 0x540E
#define TIOCGPGRP 0x540F
#define TIOCSPGRP 0x5410
#define TIOCOUTQ 0x5411
#define TIOCGWINSZ 0x5413
#define TIOCSWINSZ 0x5414
#define FIONREAD 0x541B
#define TIOCINQ FIONREAD
#define TIOCNOTTY 0x5422
#define FIONBIO 0x5421
#define TIOCGSID 0x5429

struct winsize {
	unsigned short ws_row;
	unsigned short ws_col;
	unsigned short ws_xpixel;
	unsigned short ws_ypixel;
};

int ioctl(int fd, unsigned long req, ...);

#endif
