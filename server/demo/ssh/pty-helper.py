# Runs a program in a pseudo-terminal for Porthole's demo shell when node-pty is unavailable.
# stdin/stdout carry the terminal bytes; fd 3 carries "COLS ROWS\n" window changes.
import fcntl, os, pty, select, signal, struct, sys, termios

cols, rows, argv = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3:]

def set_size(fd, c, r):
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack('HHHH', r, c, 0, 0))

pid, master = pty.fork()
if pid == 0:
    # The size is set on the terminal before the program starts: it may ask at once.
    set_size(0, cols, rows)
    os.execvp(argv[0], argv)

control, pending = 3, b''
inputs = [0, master, control]
while master in inputs:
    for fd in select.select(inputs, [], [])[0]:
        try:
            data = os.read(fd, 65536)
        except OSError:
            data = b''
        if fd == master:
            if not data:
                inputs.remove(master)
            else:
                os.write(1, data)
        elif not data:
            inputs.remove(fd)
        elif fd == 0:
            os.write(master, data)
        else:
            pending += data
            while b'\n' in pending:
                line, pending = pending.split(b'\n', 1)
                c, r = (int(v) for v in line.split())
                set_size(master, c, r)
                os.kill(pid, signal.SIGWINCH)
_, status = os.waitpid(pid, 0)
sys.exit(os.waitstatus_to_exitcode(status) if hasattr(os, 'waitstatus_to_exitcode') else status >> 8)
