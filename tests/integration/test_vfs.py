"""The VFS on the booted kernel: the real build/initramfs.cpio unpacked
into the root ramfs, /dev and /proc mounted (selftest=vfs_initramfs,
kernel/fs/selftests.c), and a corrupt initramfs rejected without a crash.

"""


def test_initramfs_unpacked_at_boot_and_root_listed(boot):
    g = boot("console=ttyS0 selftest=vfs_initramfs")
    g.wait_for(r"initramfs: unpacking \d+ bytes, \d+ entries")
    m = g.wait_for(r"vfs: ls /:(.*)\n")
    names = m.group(1).decode().split()
    for d in ("bin", "dev", "etc", "proc", "sbin", "tmp"):
        assert d in names, names
    m = g.wait_for(r"vfs: ls /dev:(.*)\n")
    assert {"null", "zero"} <= set(m.group(1).decode().split())
    g.wait_for(r"vfs: /proc/mounts: rootfs / rootfs rw 0 0")
    g.wait_for(r"vfs: /proc/mounts: devtmpfs /dev devtmpfs rw 0 0")
    g.wait_for(r"vfs: /proc/mounts: proc /proc proc rw 0 0")
    g.wait_for(r"selftest vfs_initramfs: ok")


def test_corrupt_initramfs_is_rejected_and_boot_goes_on(boot, tmp_path):
    bad = tmp_path / "bad.cpio"
    bad.write_bytes(b"070707" + b"0" * 500)  # the old odc format
    g = boot("console=ttyS0 selftest=vfs_initramfs", initrd=str(bad))
    g.wait_for(r"Initramfs unpacking failed: bad magic")
    g.wait_for(r"vfs_initramfs: no /bin: the initramfs was not unpacked")
    g.wait_for(r"selftest vfs_initramfs: FAIL")
    g.wait_for(r"rxos: idle")
