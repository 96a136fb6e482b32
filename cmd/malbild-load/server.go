package main

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"time"
)

// server is the `malbild serve` child process the load runs against, on
// loopback, with a database of its own in a temporary folder.
type server struct {
	bin, db, addr string
	logPath       string
	cmd           *exec.Cmd
	exited        chan struct{} // closed when the process has ended
	waitErr       error         // the process's end, valid once exited is closed
}

// buildBinary builds malbild into dir; the load tool is run from the module.
func buildBinary(dir string) (string, error) {
	bin := filepath.Join(dir, "malbild")
	cmd := exec.Command("go", "build", "-o", bin, "malbild/cmd/malbild")
	cmd.Stdout, cmd.Stderr = os.Stderr, os.Stderr
	if err := cmd.Run(); err != nil {
		return "", fmt.Errorf("go build malbild/cmd/malbild (run from the module folder): %w", err)
	}
	return bin, nil
}

// freeLoopbackAddr asks the kernel for a free port on 127.0.0.1.
func freeLoopbackAddr() (string, error) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return "", err
	}
	defer l.Close()
	return l.Addr().String(), nil
}

// copyDatabase copies a prepared database (and its WAL, if any) into dir,
// so that the run never changes the original.
func copyDatabase(src, dir string) (string, error) {
	dst := filepath.Join(dir, filepath.Base(src))
	for _, suffix := range []string{"", ".wal"} {
		in, err := os.Open(src + suffix)
		if suffix == ".wal" && errors.Is(err, os.ErrNotExist) {
			break
		}
		if err != nil {
			return "", err
		}
		out, err := os.Create(dst + suffix)
		if err != nil {
			in.Close()
			return "", err
		}
		_, err = io.Copy(out, in)
		in.Close()
		if cerr := out.Close(); err == nil {
			err = cerr
		}
		if err != nil {
			return "", err
		}
	}
	return dst, nil
}

// addAccount runs `malbild user add NAME --role ROLE` with the password on
// standard input, before the server holds the database.
func addAccount(bin, db, name, role, password string) error {
	cmd := exec.Command(bin, "user", "add", name, "--role", role, "--db", db)
	cmd.Stdin = strings.NewReader(password + "\n")
	if out, err := cmd.CombinedOutput(); err != nil {
		return fmt.Errorf("malbild user add %s: %v: %s", name, err, out)
	}
	return nil
}

// startServer starts `malbild serve` and waits until /healthz answers.
func startServer(bin, db, dir string, demo bool) (*server, error) {
	addr, err := freeLoopbackAddr()
	if err != nil {
		return nil, err
	}
	s := &server{bin: bin, db: db, addr: addr, logPath: filepath.Join(dir, "serve.log"), exited: make(chan struct{})}
	logFile, err := os.Create(s.logPath)
	if err != nil {
		return nil, err
	}
	// The automatic backup before each import goes here; malbild does not
	// create the folder itself.
	backups := filepath.Join(dir, "backups")
	if err := os.MkdirAll(backups, 0o755); err != nil {
		return nil, err
	}
	args := []string{"serve", "--db", db, "--addr", addr, "--backups", backups}
	if demo {
		args = append(args, "--demo")
	}
	s.cmd = exec.Command(bin, args...)
	s.cmd.Stdout, s.cmd.Stderr = logFile, logFile
	if err := s.cmd.Start(); err != nil {
		logFile.Close()
		return nil, err
	}
	go func() {
		s.waitErr = s.cmd.Wait()
		logFile.Close()
		close(s.exited)
	}()
	if err := s.waitHealthy(60 * time.Second); err != nil {
		s.kill()
		return nil, fmt.Errorf("%w\n%s", err, s.logTail(20))
	}
	return s, nil
}

func (s *server) url(path string) string { return "http://" + s.addr + path }

func (s *server) waitHealthy(limit time.Duration) error {
	deadline := time.Now().Add(limit)
	client := &http.Client{Timeout: 2 * time.Second, Transport: &http.Transport{DisableKeepAlives: true}}
	for time.Now().Before(deadline) {
		select {
		case <-s.exited:
			return fmt.Errorf("malbild serve ended before answering: %v", s.waitErr)
		default:
		}
		if resp, err := client.Get(s.url("/healthz")); err == nil {
			resp.Body.Close()
			if resp.StatusCode == http.StatusOK {
				return nil
			}
		}
		time.Sleep(50 * time.Millisecond)
	}
	return fmt.Errorf("malbild serve did not answer /healthz within %s", limit)
}

// memory reads the child's peak and current resident set size (VmHWM and
// VmRSS of /proc/PID/status), in bytes.
func (s *server) memory() (peak, now int64, err error) {
	f, err := os.Open(fmt.Sprintf("/proc/%d/status", s.cmd.Process.Pid))
	if err != nil {
		return 0, 0, err
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		name, value, ok := strings.Cut(sc.Text(), ":")
		if !ok || (name != "VmHWM" && name != "VmRSS") {
			continue
		}
		kb, err := strconv.ParseInt(strings.TrimSuffix(strings.TrimSpace(value), " kB"), 10, 64)
		if err != nil {
			return 0, 0, fmt.Errorf("/proc status %s: %w", name, err)
		}
		if name == "VmHWM" {
			peak = kb << 10
		} else {
			now = kb << 10
		}
	}
	return peak, now, sc.Err()
}

// cpuTime is the CPU time (user and system) the child has used so far,
// from /proc/PID/stat, in clock ticks of 1/100 s.
func (s *server) cpuTime() (time.Duration, error) {
	data, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", s.cmd.Process.Pid))
	if err != nil {
		return 0, err
	}
	// The command name in parentheses may hold spaces: count after it.
	_, rest, ok := strings.Cut(string(data), ") ")
	fields := strings.Fields(rest)
	if !ok || len(fields) < 13 {
		return 0, fmt.Errorf("unexpected /proc stat: %.80q", data)
	}
	var ticks int64
	for _, f := range fields[11:13] { // utime, stime: fields 14 and 15 of proc(5)
		n, err := strconv.ParseInt(f, 10, 64)
		if err != nil {
			return 0, err
		}
		ticks += n
	}
	return time.Duration(ticks) * 10 * time.Millisecond, nil
}

// stop sends SIGTERM and waits for the graceful shutdown; past the limit
// the process is killed. It returns how the process ended.
func (s *server) stop(limit time.Duration) error {
	if err := s.cmd.Process.Signal(syscall.SIGTERM); err != nil && !errors.Is(err, os.ErrProcessDone) {
		return err
	}
	ctx, cancel := context.WithTimeout(context.Background(), limit)
	defer cancel()
	select {
	case <-s.exited:
		return s.waitErr
	case <-ctx.Done():
		s.kill()
		return fmt.Errorf("no exit within %s of SIGTERM: killed", limit)
	}
}

func (s *server) kill() {
	s.cmd.Process.Kill()
	<-s.exited
}

// logTail is the end of the server's log, for error messages.
func (s *server) logTail(lines int) string {
	data, err := os.ReadFile(s.logPath)
	if err != nil {
		return ""
	}
	all := strings.Split(strings.TrimRight(string(data), "\n"), "\n")
	return strings.Join(all[max(0, len(all)-lines):], "\n")
}
