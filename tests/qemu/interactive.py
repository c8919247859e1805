#!/usr/bin/python3
"""The interactive path, as a user at a terminal has it: the run script on a
pseudo-terminal boots the default Linux guest under the hypervisor; keys
typed reach the guest's shell (through the UART's forwarded receive
interrupt), job control and Ctrl-C work, and `poweroff` ends the run with
exit status 0. Natively, Ctrl-A X quits QEMU from the same terminal set-up.
With several guests (MULTI_HYP_ELF), the hypervisor's console shares the
terminal: what is typed goes to the hypervisor's console, which passes it
to the guest with the console input focus, until Ctrl-A C switches the
input to the console UART of the guest that owns the devices.

Settings come from the Makefile's environment (see tests/qemu/lib.sh).
Prints one PASS/FAIL line per check.
"""
import os
import pty
import re
import select
import signal
import sys
import time

BOOT_TIMEOUT = 600
STEP_TIMEOUT = 60
PROMPT = re.compile(rb"guest:[^\r\n]*# ")


class Session:
    """A command on a pseudo-terminal; its stderr goes to `errfile`."""

    def __init__(self, argv, errfile, transcript):
        self.out = b""
        self.transcript = open(transcript, "wb")
        self.pid, self.fd = pty.fork()
        if self.pid == 0:
            err = os.open(errfile, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
            os.dup2(err, 2)
            os.execvp(argv[0], argv)

    def expect(self, pattern, timeout):
        """Wait until `pattern` appears in what came after the last match."""
        deadline = time.monotonic() + timeout
        while True:
            m = pattern.search(self.out)
            if m:
                self.out = self.out[m.end():]
                return m
            left = deadline - time.monotonic()
            if left <= 0 or not self.read(left):
                return None

    def read(self, timeout):
        ready, _, _ = select.select([self.fd], [], [], timeout)
        if not ready:
            return False
        try:
            data = os.read(self.fd, 4096)
        except OSError:
            return False
        self.transcript.write(data)
        self.transcript.flush()
        self.out += data
        return bool(data)

    def type(self, text):
        for ch in text.encode():
            os.write(self.fd, bytes([ch]))
            time.sleep(0.01)

    def wait(self, timeout):
        """The exit status, or None if the command is still running after `timeout`."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            self.read(0.2)
            pid, status = os.waitpid(self.pid, os.WNOHANG)
            if pid:
                return os.waitstatus_to_exitcode(status)
        return None

    def kill(self):
        try:
            os.kill(self.pid, signal.SIGTERM)
            os.waitpid(self.pid, 0)
        except (ProcessLookupError, ChildProcessError):
            pass


def report(name, ok, why="", files=()):
    if ok:
        print("PASS qemu/interactive/" + name)
        return
    print("FAIL qemu/interactive/%s: %s" % (name, why))
    for f in files:
        try:
            with open(f, "rb") as fh:
                tail = fh.read()[-1500:].decode(errors="replace")
        except OSError:
            continue
        print("    --- " + f)
        for line in tail.splitlines()[-15:]:
            print("    " + line)


def linux_args(env):
    return ["--guest", env["LINUX_KERNEL"], "--dtb", env["LINUX_DTB_FILE"],
            "--initrd", env["INITRAMFS"], "--append", "console=" + env["LINUX_CONSOLE"]]


def shell_under_hypervisor(env, work):
    transcript = os.path.join(work, "interactive.hyp.out")
    log = os.path.join(work, "interactive.hyp.log")
    argv = ["scripts/run-qemu.sh", "--machine", env["QEMU_MACHINE"], "--mem", env["QEMU_MEM_HYP"],
            "--stage", env["GUEST_STAGE"], "--stage-size", env["GUEST_STAGE_SIZE"],
            "--guest-ram", env["GUEST_RAM"], "--hyp", env["HYP_ELF"], "--hyp-log", log,
            "--hyp-console", env["HYP_CONSOLE"],
            "--timeout", str(BOOT_TIMEOUT + 10 * STEP_TIMEOUT)] + linux_args(env)
    if env.get("UBOOT"):        # booted by U-Boot from a FIT, as make run does on this board
        argv += ["--uboot", env["UBOOT"], "--fit-addr", env["FIT_ADDR"],
                 "--fit-dir", os.path.join(work, "interactive.fit")]
    argv += ["--"] + env["QEMU_BOARD_ARGS"].split()
    s = Session(argv, os.path.join(work, "interactive.hyp.err"), transcript)
    files = (transcript, log)
    try:
        if not s.expect(PROMPT, BOOT_TIMEOUT):
            return report("shell", False, "no shell prompt", files)
        steps = [
            ("arithmetic", "echo $((6*7))\r", rb"\n42\r*\n"),
            ("uname", "uname -sm\r", rb"Linux armv7l"),
            ("job-control", "echo flags=$-\r", rb"flags=[a-z]*m"),
            ("background-job", "sleep 50 & echo started\r", rb"\nstarted"),
            ("jobs", "jobs\r", rb"\[1\]\+ +Running +sleep 50"),
            ("kill-job", "kill %1; wait\r", rb"\[1\]\+ +Terminated +sleep 50"),
        ]
        for name, keys, answer in steps:
            s.type(keys)
            if not s.expect(re.compile(answer), STEP_TIMEOUT) or not s.expect(PROMPT, STEP_TIMEOUT):
                return report("shell", False, "%s: no answer matching %r" % (name, answer), files)
        # Ctrl-C reaches the foreground job of the guest's shell, not QEMU.
        s.type("sleep 50\r")
        time.sleep(3)
        s.type("\x03")
        if not s.expect(PROMPT, 20):
            return report("shell", False, "Ctrl-C did not interrupt the guest's foreground job", files)
        s.type("echo status=$?\r")
        if not s.expect(re.compile(rb"status=130"), STEP_TIMEOUT) or not s.expect(PROMPT, STEP_TIMEOUT):
            return report("shell", False, "the interrupted job's status is not 130 (SIGINT)", files)
        report("shell", True)
        s.type("poweroff\r")
        status = s.wait(STEP_TIMEOUT * 2)
        report("poweroff", status == 0, "run script exit status %s (expected 0)" % status, files)
    finally:
        s.kill()


def guests_on_one_terminal(env, work):
    transcript = os.path.join(work, "interactive.guests.out")
    log = os.path.join(work, "interactive.guests.log")
    config = os.path.join(work, "interactive.guests.dts")
    with open(config, "w") as f:
        f.write("/dts-v1/;\n/ {\n"
                "\towner { image = \"uart_echo\"; ram-size = <0x4000000>; ram-host = <0x80000000>; devices; };\n"
                "\tother { image = \"uart_echo\"; ram-size = <0x4000000>; ram-host = <0x84000000>; };\n};\n")
    argv = ["scripts/run-qemu.sh", "--machine", env["QEMU_MACHINE"], "--mem", env["QEMU_MEM_HYP"],
            "--stage", env["GUEST_STAGE"], "--stage-size", env["GUEST_STAGE_SIZE"],
            "--guest-ram", env["GUEST_RAM"].split(":")[0] + ":0", "--hyp", env["MULTI_HYP_ELF"],
            "--hyp-log", log, "--hyp-console", env["HYP_CONSOLE"], "--guests", config,
            "--guest-dir", os.path.join(env["BUILD"], "guests"), "--timeout", str(STEP_TIMEOUT * 3)]
    argv += ["--"] + env["QEMU_BOARD_ARGS"].split()
    s = Session(argv, os.path.join(work, "interactive.guests.err"), transcript)
    files = (transcript, log)
    try:
        if not s.expect(re.compile(rb"other\| uart_echo: start"), STEP_TIMEOUT):
            return report("guests-input", False, "the second guest did not start", files)
        for n in (1, 2, 3):             # the hypervisor's console: the terminal's input at first
            s.type("other line %d\n" % n)
        s.type("\x01c")                 # QEMU: input to the owner's UART
        for n in (1, 2, 3):
            s.type("owner line %d\n" % n)
        status = s.wait(STEP_TIMEOUT)
        with open(transcript, "rb") as f:
            seen = f.read()
        want = [b"\nuart_echo: line %d, 12 characters: owner line %d" % (n, n) for n in (1, 2, 3)]
        want += [b"\nother| uart_echo: line %d, 12 characters: other line %d" % (n, n) for n in (1, 2, 3)]
        missing = [w.decode() for w in want if w not in seen]
        report("guests-input", status == 0 and not missing,
               "exit status %s; missing: %s" % (status, "; ".join(missing)), files)
    finally:
        s.kill()


def ctrl_a_x_natively(env, work):
    transcript = os.path.join(work, "interactive.native.out")
    argv = ["scripts/run-qemu.sh", "--machine", env["QEMU_MACHINE"], "--mem", env["QEMU_MEM_NATIVE"],
            "--native", "--timeout", str(BOOT_TIMEOUT)] + linux_args(env)
    argv += ["--"] + env["QEMU_BOARD_ARGS"].split()
    s = Session(argv, os.path.join(work, "interactive.native.err"), transcript)
    try:
        if not s.expect(PROMPT, BOOT_TIMEOUT):
            return report("ctrl-a-x", False, "no shell prompt natively", (transcript,))
        s.type("\x01x")
        status = s.wait(STEP_TIMEOUT)
        report("ctrl-a-x", status is not None, "QEMU still running after Ctrl-A X", (transcript,))
    finally:
        s.kill()


def main():
    env = os.environ
    work = os.path.join(env["BUILD"], "tests")
    os.makedirs(work, exist_ok=True)
    shell_under_hypervisor(env, work)
    ctrl_a_x_natively(env, work)
    if env.get("MULTI_HYP_ELF") and os.path.exists(os.path.join(env["BUILD"], "guests", "uart_echo.elf")):
        guests_on_one_terminal(env, work)


if __name__ == "__main__":
    sys.exit(main())
