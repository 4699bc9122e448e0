# tests.mk - `make test` = host unit tests, host tests of the user programs
# (tests/host, run natively), then QEMU integration tests.
#
# Host unit tests: each tests/unit/test_*.c is one native host program
# (this machine cannot run i386 binaries) with RXOS_HOST_TEST defined; it #includes the
# kernel .c files it tests. Integration tests: pytest under tests/integration,
# booting build/kernel.elf in QEMU (see tests/integration/conftest.py).

UNIT_SRCS := $(sort $(wildcard tests/unit/test_*.c))
UNIT_BINS := $(UNIT_SRCS:tests/unit/%.c=$(BUILD)/tests/unit/%)
HOST_TEST_CFLAGS := -std=gnu11 -g -O1 -Wall -Wextra -Werror \
	-Wno-unused-parameter -Wno-unused-function -Wno-format -fno-builtin -I. \
	-DRXOS_HOST_TEST -MMD -MP

$(BUILD)/tests/unit/%: tests/unit/%.c | $(DEPS_STAMP)
	@mkdir -p $(dir $@)
	@echo "  HOSTCC  $<"
	$(Q)gcc $(HOST_TEST_CFLAGS) $< -o $@

unit-test: $(UNIT_BINS)
	@bash tests/unit/run.sh $(UNIT_BINS)

# PYTEST_ARGS="-k timer" narrows the run; -x stops at the first failure.
PYTEST_ARGS ?=
integration-test: all
	$(PYTHON) -m pytest -v tests/integration $(PYTEST_ARGS)

# The user programs built for the host (make host-user) and the i386 build.
.PHONY: host-test
host-test: host-user $(USER_TARGETS)
	$(PYTHON) -m pytest -v tests/host $(PYTEST_ARGS)

test: all
	@$(MAKE) --no-print-directory unit-test
	@$(MAKE) --no-print-directory host-test
	@$(MAKE) --no-print-directory integration-test
