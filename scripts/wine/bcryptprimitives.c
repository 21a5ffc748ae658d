/* Test-only stand-in for Windows 10's bcryptprimitives.dll, which wine 8
 * lacks: Go (>= 1.21) loads ProcessPrng from it at start and exits at once
 * without it. It fills the buffer from advapi32's RtlGenRandom
 * (SystemFunction036). Used only by scripts/windows-test.sh under wine;
 * never shipped. */
#include <windows.h>

BOOLEAN WINAPI SystemFunction036(PVOID buffer, ULONG length);

BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T len) {
    while (len > 0) {
        ULONG n = len > 0x10000000 ? 0x10000000 : (ULONG)len;
        if (!SystemFunction036(data, n)) return FALSE;
        data += n;
        len -= n;
    }
    return TRUE;
}
