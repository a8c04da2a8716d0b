/* Test-only stand-in for bcryptprimitives.dll, for the Wine smoke test (.ci/smoke-windows).
 * Rust's std (1.78 and later) imports ProcessPrng from it; Wine 8 has no such DLL, so the exe
 * would not start. Real Windows (10 and later) has it: never ship this file.
 * ProcessPrng fills the buffer from the system's generator; RtlGenRandom (SystemFunction036 in
 * advapi32) is the same generator's older entry point, which Wine has. */
#include <windows.h>

BOOLEAN WINAPI SystemFunction036(PVOID buffer, ULONG length);

__declspec(dllexport) BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T length)
{
    while (length > 0) {
        ULONG chunk = length > 0x40000000 ? 0x40000000 : (ULONG)length;
        if (!SystemFunction036(data, chunk))
            return FALSE;
        data += chunk;
        length -= chunk;
    }
    return TRUE;
}
