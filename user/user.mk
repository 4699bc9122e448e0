# user.mk - rxos user space, included by the top Makefile.
#
# user/lib     the C library: crt0 and int 0x80 stubs (NASM), the rest C
# user/include its headers, the Linux i386 ABI (the only headers the i386
#              programs see: -nostdinc)
# user/bin     one program per .c file, plain POSIX C
#
# Two builds of the same program sources:
#   i386 (part of `make`): static ELF32 executables linked at 0x08048000
#        against user/lib, in build/user/bin/ = USER_TARGETS; the top
#        Makefile copies them into the initramfs /bin.
#   host (`make host-user`): native executables against glibc, in
#        build/host/bin/, so tests can run the programs on this machine.

USER_BUILD := $(BUILD)/user
HOST_BIN   := $(BUILD)/host/bin

# No FPU/SSE code (-mgeneral-regs-only): the kernel need not save FPU state
# for user processes. Frame pointers and -Og keep gdb backtraces readable.
USER_CFLAGS := -m32 -std=gnu11 -ffreestanding -fno-pic -fno-pie -nostdlib \
	-nostdinc -isystem user/include -fno-stack-protector \
	-fno-omit-frame-pointer -mgeneral-regs-only -fno-common -Og -g \
	-Wall -Wextra -Werror -Wno-unused-parameter -MMD -MP
# One RX segment for text, one RW for data: the simplest layout for the
# kernel's ELF loader (-z noseparate-code), entry _start.
USER_LDFLAGS := -m elf_i386 -static -nostdlib -e _start -z noseparate-code \
	-z noexecstack

USER_LIB_CSRC := $(sort $(wildcard user/lib/*.c))
USER_LIB_ASRC := $(filter-out user/lib/crt0.asm,$(sort $(wildcard user/lib/*.asm)))
USER_LIB_OBJS := $(USER_LIB_CSRC:user/lib/%.c=$(USER_BUILD)/lib/%.o) \
		 $(USER_LIB_ASRC:user/lib/%.asm=$(USER_BUILD)/lib/%.o)
USER_CRT0     := $(USER_BUILD)/lib/crt0.o
USER_LIBC     := $(USER_BUILD)/lib/libc.a

USER_PROGS    := $(sort $(basename $(notdir $(wildcard user/bin/*.c))))
USER_TARGETS  := $(USER_PROGS:%=$(USER_BUILD)/bin/%)
HOST_USER_TARGETS := $(USER_PROGS:%=$(HOST_BIN)/%)

.PHONY: user host-user
.SECONDARY: $(USER_PROGS:%=$(USER_BUILD)/bin/%.o) $(USER_CRT0)
user: $(USER_TARGETS)

$(USER_BUILD)/lib/%.o: user/lib/%.c | $(DEPS_STAMP)
	@mkdir -p $(dir $@)
	@echo "  UCC     $<"
	$(Q)$(CC) $(USER_CFLAGS) -c $< -o $@

$(USER_BUILD)/lib/%.o: user/lib/%.asm | $(DEPS_STAMP)
	@mkdir -p $(dir $@)
	@echo "  UAS     $<"
	$(Q)$(NASM) -f elf32 -g -F dwarf $< -o $@

$(USER_LIBC): $(USER_LIB_OBJS)
	@echo "  AR      $@"
	$(Q)rm -f $@ && ar rcs $@ $^

$(USER_BUILD)/bin/%.o: user/bin/%.c | $(DEPS_STAMP)
	@mkdir -p $(dir $@)
	@echo "  UCC     $<"
	$(Q)$(CC) $(USER_CFLAGS) -c $< -o $@

$(USER_BUILD)/bin/%: $(USER_BUILD)/bin/%.o $(USER_CRT0) $(USER_LIBC)
	@echo "  ULD     $@"
	$(Q)$(LD) $(USER_LDFLAGS) -o $@ $(USER_CRT0) $< $(USER_LIBC) $(LIBGCC)

# ---- the same programs against the host's glibc ---------------------------
HOST_USER_CFLAGS := -std=gnu11 -Og -g -Wall -Wextra -Werror \
	-Wno-unused-parameter -D_GNU_SOURCE -DRXOS_HOST_BUILD -MMD -MP

$(HOST_BIN)/%: user/bin/%.c
	@mkdir -p $(dir $@)
	@echo "  HOSTCC  $<"
	$(Q)cc $(HOST_USER_CFLAGS) $< -o $@

host-user: $(HOST_USER_TARGETS)
