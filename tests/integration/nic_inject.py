"""Frame injector for the NIC tests, run inside the test's network namespace
(`ip netns exec NS /usr/bin/python3 nic_inject.py ...`).

  send  IFACE DST COUNT SIZE [ETHERTYPE]   COUNT frames of SIZE bytes (no FCS)
                                           to DST, as fast as a raw socket
                                           goes; prints "sent N"
  sniff IFACE ETHERTYPE TIMEOUT            print "frame SRC LEN" for every
                                           frame of that ethertype seen

Frames are built once with scapy and sent with a plain AF_PACKET socket:
scapy's own sendp is far too slow for a flood. Source MAC 02:00:00:00:00:01
(locally administered).
"""
import socket
import sys
import time

from scapy.all import Ether, Raw

SRC = "02:00:00:00:00:01"


def build(dst, size, ethertype):
    frame = bytes(Ether(dst=dst, src=SRC, type=ethertype))
    payload = b"rxos-nic-test " * (size // 14 + 1)
    return frame + payload[: max(0, size - len(frame))]


def send(iface, dst, count, size, ethertype=0x88B5):
    frame = build(dst, size, ethertype)
    s = socket.socket(socket.AF_PACKET, socket.SOCK_RAW)
    s.bind((iface, 0))
    sent = 0
    for _ in range(count):
        try:
            s.send(frame)
            sent += 1
        except OSError:  # ENOBUFS: the host dropped it before the tap
            pass
    print(f"sent {sent}", flush=True)


def sniff(iface, ethertype, timeout):
    s = socket.socket(socket.AF_PACKET, socket.SOCK_RAW, socket.htons(ethertype))
    s.bind((iface, 0))
    s.settimeout(0.2)
    print("sniffing", flush=True)
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        try:
            data = s.recv(65536)
        except socket.timeout:
            continue
        src = ":".join(f"{b:02x}" for b in data[6:12])
        print(f"frame {src} {len(data)}", flush=True)


if __name__ == "__main__":
    cmd, args = sys.argv[1], sys.argv[2:]
    if cmd == "send":
        send(args[0], args[1], int(args[2]), int(args[3]),
             int(args[4], 0) if len(args) > 4 else 0x88B5)
    elif cmd == "sniff":
        sniff(args[0], int(args[1], 0), float(args[2]))
    else:
        sys.exit(f"unknown command {cmd}")
