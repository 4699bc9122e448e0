"""CPU exceptions: an oops in Linux's format, then a panic QEMU exits on."""
from conftest import PANIC_EXIT

TS = r"\[\s*\d+\.\d{6}\] "


def test_page_fault_oops_names_address_function_and_call_trace(boot):
    g = boot("console=ttyS0 selftest=page_fault_oops")
    g.wait_for(TS + r"BUG: unable to handle page fault for address: deadbeef")
    g.wait_for(TS + r"#PF: supervisor write access in kernel mode")
    g.wait_for(TS + r"#PF: error_code\(0x0002\) - not-present page")
    g.wait_for(TS + r"Oops: 0002 \[#1\]")
    g.wait_for(r"Trap: vector 14 \(#PF page fault\)")
    g.wait_for(TS + r"EIP: selftest_page_fault_oops\+0x[0-9a-f]+/0x[0-9a-f]+")
    g.wait_for(r"Code:( [0-9a-f]{2})+ <[0-9a-f]{2}>")
    g.wait_for(r"EAX: [0-9a-f]{8} EBX: [0-9a-f]{8} ECX: [0-9a-f]{8} EDX: [0-9a-f]{8}")
    g.wait_for(r"DS: 0068 ES: 0068 FS: 0000 GS: 0000 SS: 0068 EFLAGS: [0-9a-f]{8}")
    g.wait_for(r"CR0: [0-9a-f]{8} CR2: deadbeef CR3: [0-9a-f]{8}")
    g.wait_for(TS + r"Call Trace:")
    g.wait_for(r"\[<c0[0-9a-f]{6}>\] selftest_page_fault_oops\+")
    g.wait_for(r"\[<c0[0-9a-f]{6}>\] run_selftests\+")
    # selftests run in pid 1 (kernel_init), as Linux's initcalls do
    g.wait_for(r"\[<c0[0-9a-f]{6}>\] kernel_init\+")
    g.wait_for(r"Kernel panic - not syncing: Fatal exception")
    assert g.wait_exit() == PANIC_EXIT
    # the oops printed the trace; panic must not print a second one
    assert g.output.count("Call Trace:") == 1


def test_divide_error_oops(boot):
    g = boot("console=ttyS0 selftest=divide_error_oops")
    g.wait_for(TS + r"divide error: 0000 \[#1\]")
    g.wait_for(r"Trap: vector 0 \(#DE divide error\), error code 0x0, in kernel mode")
    g.wait_for(r"EIP: selftest_divide_error_oops\+")
    g.wait_for(r"Call Trace:")
    g.wait_for(r"\] selftest_divide_error_oops\+")
    g.wait_for(r"Kernel panic - not syncing: Fatal exception")
    assert g.wait_exit() == PANIC_EXIT


def test_fault_from_ring3_enters_on_tss_stack_with_user_ss_esp(boot):
    # iret to ring 3 at a supervisor-only kernel page: the fetch faults
    g = boot("console=ttyS0 selftest=user_mode_fault_oops")
    m = g.wait_for(r"user_mode_fault_oops: iret to ring 3 at 0x(c0[0-9a-f]{6})")
    target = m.group(1).decode()
    g.wait_for(r"BUG: unable to handle page fault for address: " + target)
    g.wait_for(r"#PF: user read access in user mode")
    g.wait_for(r"#PF: error_code\(0x0005\) - permissions violation")
    g.wait_for(r"Trap: vector 14 \(#PF page fault\), error code 0x5, in user mode")
    g.wait_for(r"EIP: ring3_target\+0x0/")
    g.wait_for(r"ESP: bffff000")  # the user stack pointer the CPU pushed
    g.wait_for(r"SS: 007b")
    g.wait_for(r"CR2: " + target)
    g.wait_for(r"Kernel panic - not syncing: Fatal exception")
    assert g.wait_exit() == PANIC_EXIT
