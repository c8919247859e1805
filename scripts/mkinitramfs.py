#!/usr/bin/python3
"""Write a gzip-compressed cpio archive (the "newc" format the Linux kernel
unpacks as its initramfs) from a list of entries, without needing root or
device nodes on the host.

    mkinitramfs.py OUT.cpio.gz ENTRY...

Entries:
    dir:PATH                  a directory (mode 0755)
    file:PATH=SRC[:MODE]      a file copied from SRC (mode in octal, default 0644)
    tree:PATH=SRCDIR          every file below SRCDIR, keeping executable bits
    symlink:PATH=TARGET       a symbolic link
    char:PATH=MAJOR,MINOR     a character device node (mode 0600)

Owners are root and times are zero, so the same inputs give the same bytes.
"""
import gzip
import os
import re
import stat
import sys


class Archive:
    def __init__(self):
        self.data = bytearray()
        self.inode = 1
        self.dirs = set()

    @staticmethod
    def _pad(n):
        return (4 - n % 4) % 4

    def add(self, path, mode, body=b"", rdev=(0, 0)):
        name = path.strip("/").encode() + b"\0"
        fields = [self.inode, mode, 0, 0, 2 if stat.S_ISDIR(mode) else 1, 0,
                  len(body), 0, 0, rdev[0], rdev[1], len(name), 0]
        header = b"070701" + b"".join(b"%08X" % f for f in fields)
        self.data += header + name + b"\0" * self._pad(len(header) + len(name))
        self.data += body + b"\0" * self._pad(len(body))
        self.inode += 1

    def parents(self, path):
        parts = path.strip("/").split("/")[:-1]
        for i in range(1, len(parts) + 1):
            d = "/".join(parts[:i])
            if d not in self.dirs:
                self.dirs.add(d)
                self.add(d, stat.S_IFDIR | 0o755)

    def entry(self, spec):
        kind, _, rest = spec.partition(":")
        path, _, arg = rest.partition("=")
        if not path.startswith("/"):
            raise ValueError("path must be absolute: %r" % spec)
        if kind == "tree":
            for top, dirnames, files in os.walk(arg):
                dirnames.sort()
                for f in sorted(files):
                    src = os.path.join(top, f)
                    rel = os.path.relpath(src, arg)
                    mode = 0o755 if os.access(src, os.X_OK) else 0o644
                    self.entry("file:%s=%s:%o" % (os.path.join(path, rel), src, mode))
            return
        self.parents(path)
        if kind == "dir":
            if path.strip("/") not in self.dirs:
                self.dirs.add(path.strip("/"))
                self.add(path, stat.S_IFDIR | 0o755)
        elif kind == "file":
            src, sep, mode = arg.rpartition(":")
            if not sep or not re.fullmatch("[0-7]+", mode):
                src, mode = arg, ""
            with open(src, "rb") as f:
                self.add(path, stat.S_IFREG | int(mode or "644", 8), f.read())
        elif kind == "symlink":
            self.add(path, stat.S_IFLNK | 0o777, arg.encode())
        elif kind == "char":
            major, minor = (int(x) for x in arg.split(","))
            self.add(path, stat.S_IFCHR | 0o600, rdev=(major, minor))
        else:
            raise ValueError("unknown entry kind: %r" % spec)

    def finish(self):
        self.add("TRAILER!!!", 0)
        self.data += b"\0" * self._pad(len(self.data))
        return bytes(self.data)


def main(argv):
    if len(argv) < 3:
        sys.exit(__doc__)
    archive = Archive()
    try:
        for spec in argv[2:]:
            archive.entry(spec)
    except (OSError, ValueError) as e:
        sys.exit("mkinitramfs: %s" % e)
    tmp = argv[1] + ".tmp"
    with open(tmp, "wb") as raw:
        with gzip.GzipFile(fileobj=raw, mode="wb", mtime=0, filename="") as gz:
            gz.write(archive.finish())
    os.replace(tmp, argv[1])


if __name__ == "__main__":
    main(sys.argv)
