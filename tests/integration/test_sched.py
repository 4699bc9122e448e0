"""The scheduler, wait queues and kernel threads, seen through their
in-kernel selftests (kernel/sched/selftests.c), which run in pid 1."""


def selftest_passes(boot, name, *lines):
    g = boot("console=ttyS0 selftest=" + name)
    for line in lines:
        g.wait_for(line)
    g.wait_for(r"selftest %s: ok" % name)
    return g


def test_boot_context_becomes_idle_and_round_robin_starts(boot):
    g = boot("console=ttyS0")
    g.wait_for(r"sched: round robin, timeslice 100 ms, kernel not preemptible")


def test_kthread_runs_under_kthreadd_and_stops_with_its_return_value(boot):
    selftest_passes(boot, "kthread_run_stop",
                    r"kthread_run_stop: \[selftest/7\] pid \d+ ppid 2",
                    r"kthread_run_stop: [1-9]\d* loops, returned 42")


def test_timer_softirq_wakes_a_task_sleeping_in_wait_event(boot):
    selftest_passes(boot, "wait_event_from_softirq",
                    r"wait_event_from_softirq: woken after \d+ ticks, [1-9]\d* left, "
                    r"in softirq: 1")


def test_schedule_timeout_and_msleep_sleep_at_least_as_asked(boot):
    m = selftest_passes(boot, "schedule_timeout_sleeps").output
    assert "schedule_timeout_sleeps: 20 ticks asked" in m


def test_softirq_raised_in_process_context_runs_in_ksoftirqd(boot):
    selftest_passes(boot, "ksoftirqd_serves_process_raise",
                    r"ksoftirqd_serves_process_raise: ran in \[ksoftirqd/0\]")
