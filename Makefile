# rxos - top-level Makefile.
#
#   make            build/kernel.elf and build/initramfs.cpio
#   make iso        build/rxos.iso (GRUB, serial + VGA)
#   make run        boot the ISO in QEMU, e1000 on user networking
#   make debug      boot halted with a gdb stub; `make gdb` in another terminal
#   make test       host unit tests, then QEMU integration tests
#   make deps       install the packages rxos needs (tools/install-deps.sh)
#   make docs-check     README.md and docs/ name files that exist
#   make format-check   clang-format --dry-run over the kernel's C files
#
# Every .c/.asm under kernel/ lib/ drivers/ net/ boot/ is part of the kernel;
# a new file needs no Makefile change. user/ has its own rules (user/user.mk).

BUILD   := build
CC      := gcc
LD      := ld
NASM    := nasm
PYTHON  := /usr/bin/python3
QEMU    := qemu-system-i386

# Debuggable by default: -Og keeps variables visible in gdb, frame pointers
# give backtraces. -mgeneral-regs-only: the kernel never saves FPU/SSE state.
CFLAGS  := -m32 -std=gnu11 -ffreestanding -fno-builtin -fno-pic -fno-pie \
	   -fno-stack-protector -fno-omit-frame-pointer -mgeneral-regs-only \
	   -fno-strict-aliasing -fno-common -Og -g -Wall -Wextra -Werror \
	   -Wno-unused-parameter -I. -MMD -MP
LDFLAGS := -m elf_i386 -nostdlib -T kernel/kernel.ld -z noexecstack \
	   --no-warn-rwx-segments

# 64-bit division (u64 / u32 in printk, timers) comes from libgcc, as the
# kernel has no libc; Linux uses do_div() instead. Deferred (=): on a fresh
# machine gcc -m32 only works once install-deps has run, later in this make.
LIBGCC   = $(shell $(CC) -m32 -print-libgcc-file-name)

# `make V=1` shows full commands.
ifeq ($(V),1)
Q :=
else
Q := @
endif

KSRC_DIRS := boot kernel lib drivers net
KCSRC   := $(shell find $(KSRC_DIRS) -name '*.c' 2>/dev/null | sort)
KASRC   := $(shell find $(KSRC_DIRS) -name '*.asm' 2>/dev/null | sort)
KOBJS   := $(KCSRC:%.c=$(BUILD)/%.o) $(KASRC:%.asm=$(BUILD)/%.o)

# Tools `make` needs. The stamp says tools/install-deps.sh --check passed
# (packages, gcc -m32 links, /usr/bin/python3 imports pytest); it is redone
# when that script changes or, checked on every make, a tool went missing.
NEEDED_TOOLS := $(CC) $(LD) $(NASM) $(QEMU) grub-mkrescue xorriso cpio gdb \
	$(PYTHON)
MISSING := $(strip $(shell for t in $(NEEDED_TOOLS); do \
	command -v $$t >/dev/null 2>&1 || echo $$t; done))
DEPS_STAMP := $(BUILD)/.deps-ok

.PHONY: all iso run debug gdb test unit-test integration-test clean deps \
	docs-check format format-check FORCE
all: $(BUILD)/kernel.elf $(BUILD)/initramfs.cpio

ifneq ($(MISSING),)
$(DEPS_STAMP): FORCE
endif
$(DEPS_STAMP): tools/install-deps.sh
	@bash tools/install-deps.sh --check >/dev/null 2>&1 || { \
		echo "make: tools missing ($(or $(MISSING),see below)); running tools/install-deps.sh"; \
		bash tools/install-deps.sh; }
	@mkdir -p $(BUILD) && touch $@

deps:
	bash tools/install-deps.sh
	@mkdir -p $(BUILD) && touch $(DEPS_STAMP)
FORCE:

$(BUILD)/%.o: %.c | $(DEPS_STAMP)
	@mkdir -p $(dir $@)
	@echo "  CC      $<"
	$(Q)$(CC) $(CFLAGS) -c $< -o $@

$(BUILD)/%.o: %.asm | $(DEPS_STAMP)
	@mkdir -p $(dir $@)
	@echo "  AS      $<"
	$(Q)$(NASM) -f elf32 -g -F dwarf $< -o $@

# Two links, as Linux does for kallsyms: the first gives the addresses, the
# second appends the symbol table in a section after all others.
$(BUILD)/kallsyms0.o: tools/kallsyms.py | $(DEPS_STAMP)
	$(Q)$(PYTHON) tools/kallsyms.py < /dev/null > $(BUILD)/kallsyms0.S
	$(Q)$(CC) -m32 -c $(BUILD)/kallsyms0.S -o $@

$(BUILD)/kernel.tmp.elf: $(KOBJS) $(BUILD)/kallsyms0.o kernel/kernel.ld
	@echo "  LD      $@"
	$(Q)$(LD) $(LDFLAGS) -o $@ $(KOBJS) $(BUILD)/kallsyms0.o $(LIBGCC)

$(BUILD)/kernel.elf: $(BUILD)/kernel.tmp.elf tools/kallsyms.py
	@echo "  KSYMS   $@"
	$(Q)nm -n $< | $(PYTHON) tools/kallsyms.py > $(BUILD)/kallsyms.S
	$(Q)$(CC) -m32 -c $(BUILD)/kallsyms.S -o $(BUILD)/kallsyms.o
	$(Q)$(LD) $(LDFLAGS) -o $@ $(KOBJS) $(BUILD)/kallsyms.o $(LIBGCC)
	@nm -n $< | grep -v -e kallsyms -e " _end" > $(BUILD)/.syms1; \
	 nm -n $@ | grep -v -e kallsyms -e " _end" > $(BUILD)/.syms2; \
	 cmp -s $(BUILD)/.syms1 $(BUILD)/.syms2 || \
	 { echo "kallsyms: symbols moved between links"; exit 1; }

# ---- user space and the initramfs ------------------------------------------
ROOTFS := $(BUILD)/rootfs
-include user/user.mk

$(BUILD)/initramfs.cpio: $(USER_TARGETS) $(shell find user/root -type f 2>/dev/null)
	@rm -rf $(ROOTFS).tmp && mkdir -p $(ROOTFS).tmp
	@if [ -d user/root ]; then cp -a user/root/. $(ROOTFS).tmp/; fi
	@mkdir -p $(ROOTFS).tmp/bin $(ROOTFS).tmp/sbin $(ROOTFS).tmp/dev \
		$(ROOTFS).tmp/proc $(ROOTFS).tmp/tmp $(ROOTFS).tmp/etc
	@for f in $(USER_TARGETS); do cp $$f $(ROOTFS).tmp/bin/; done
	@cd $(ROOTFS).tmp && find . | LC_ALL=C sort | \
		cpio --quiet -o -H newc --owner=0:0 > ../initramfs.cpio
	@rm -rf $(ROOTFS) && mv $(ROOTFS).tmp $(ROOTFS)
	@echo "  CPIO    $@"

# ---- boot media and QEMU ----------------------------------------------------
, := ,
# `make run CMDLINE="console=ttyS0 selftest=all"` changes the GRUB entry; the
# file below changes only when CMDLINE does, so the ISO is rebuilt just then.
CMDLINE ?= console=ttyS0 loglevel=7 ip=10.0.2.15::10.0.2.2:255.255.255.0::eth0:off
$(BUILD)/cmdline: FORCE
	@mkdir -p $(BUILD)
	@echo '$(CMDLINE)' | cmp -s - $@ || echo '$(CMDLINE)' > $@

$(BUILD)/rxos.iso: $(BUILD)/kernel.elf $(BUILD)/initramfs.cpio tools/grub.cfg.in \
		$(BUILD)/cmdline | $(DEPS_STAMP)
	@rm -rf $(BUILD)/iso && mkdir -p $(BUILD)/iso/boot/grub
	$(Q)cp $(BUILD)/kernel.elf $(BUILD)/initramfs.cpio $(BUILD)/iso/boot/
	$(Q)sed 's|@CMDLINE@|$(CMDLINE)|' tools/grub.cfg.in > $(BUILD)/iso/boot/grub/grub.cfg
	@echo "  ISO     $@"
	$(Q)grub-mkrescue -o $@ $(BUILD)/iso > $(BUILD)/grub-mkrescue.log 2>&1 || \
		{ cat $(BUILD)/grub-mkrescue.log; exit 1; }
iso: $(BUILD)/rxos.iso

# Guest port 5555 answers on the host's 127.0.0.1:$(HOST_PORT), TCP and UDP.
# The second serial port (ttyS1) is written to $(TTYS1_OUT). PCAP=file
# records every frame the e1000 sends or receives (read it with tshark -r).
HOST_PORT ?= 5555
HOSTFWD ?= hostfwd=tcp:127.0.0.1:$(HOST_PORT)-:5555,hostfwd=udp:127.0.0.1:$(HOST_PORT)-:5555
TTYS1_OUT ?= $(BUILD)/ttyS1.out
PCAP ?=
QEMU_COMMON := -m 256M -no-reboot \
	-netdev user,id=n0,$(HOSTFWD) -device e1000,netdev=n0 \
	$(if $(PCAP),-object filter-dump$(,)id=pcap0$(,)netdev=n0$(,)file=$(PCAP)) \
	-device isa-debug-exit,iobase=0xf4,iosize=0x04
QEMU_ISO := $(QEMU) $(QEMU_COMMON) -cdrom $(BUILD)/rxos.iso -boot d \
	-display none -serial mon:stdio -serial file:$(TTYS1_OUT)

run: iso
	@echo "rxos: console on this terminal; Ctrl-A x quits QEMU, Ctrl-A c the monitor"
	$(QEMU_ISO)

# gdb stub port: one per user id, so users of a shared machine do not collide.
GDBPORT ?= $(shell expr 26000 + $$(id -u) % 5000)
GDBINIT ?= .gdbinit
$(GDBINIT): FORCE
	@sed -e 's|@GDBPORT@|$(GDBPORT)|' tools/gdbinit.in > $@

debug: iso $(GDBINIT)
	@echo "rxos: QEMU halted, gdb stub on 127.0.0.1:$(GDBPORT); run 'make gdb' in another terminal"
	$(QEMU_ISO) -S -gdb tcp:127.0.0.1:$(GDBPORT)

# -x instead of gdb's auto-load of ./.gdbinit, which gdb refuses (with a
# page of warning) unless the directory is in its auto-load safe-path.
gdb: $(GDBINIT)
	gdb -q -iex "set auto-load local-gdbinit off" -x $(GDBINIT)

# README.md and docs/ name files that exist (tools/docs-check.py).
docs-check:
	@$(PYTHON) tools/docs-check.py

# clang-format (.clang-format, Linux style) over the kernel's C sources.
# Reports; not part of `make test`. `make format FILES=net/core/dev.c` rewrites.
FORMAT_SRCS = $(shell find kernel lib drivers net -name '*.[ch]' 2>/dev/null | sort)
format-check:
	@command -v clang-format >/dev/null || { echo "format-check: install clang-format"; exit 1; }
	@bad=0; for f in $(FORMAT_SRCS); do \
		clang-format --dry-run --Werror $$f >/dev/null 2>&1 || \
			{ echo "  would reformat $$f"; bad=$$((bad + 1)); }; \
	done; echo "format-check: $$bad of $(words $(FORMAT_SRCS)) files differ from .clang-format"; \
	[ $$bad -eq 0 ]
format:
	@test -n "$(FILES)" || { echo "usage: make format FILES='path.c ...'"; exit 1; }
	clang-format -i $(FILES)

# ---- tests -------------------------------------------------------------------
-include tests/tests.mk

clean:
	rm -rf $(BUILD) .gdbinit

-include $(shell find $(BUILD) -name '*.d' 2>/dev/null)
