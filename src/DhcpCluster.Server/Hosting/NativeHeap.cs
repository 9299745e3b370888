using System.Runtime.InteropServices;

namespace DhcpCluster.Server.Hosting;

/// <summary>
/// The C library's heap, which the database driver (SQLite's page cache and statements) allocates from: memory it
/// freed stays in glibc's arenas until it is handed back explicitly.
/// </summary>
internal static partial class NativeHeap
{
    private static bool unavailable;

    /// <summary>
    /// Returns the free pages of every glibc arena to the system (<c>malloc_trim(0)</c>); does nothing where the C
    /// library has no such call (musl, other systems).
    /// </summary>
    public static void ReturnFreePages()
    {
        if (unavailable || !OperatingSystem.IsLinux())
        {
            return;
        }

        try
        {
            _ = malloc_trim(0);
        }
        catch (EntryPointNotFoundException)
        {
            unavailable = true;
        }
        catch (DllNotFoundException)
        {
            unavailable = true;
        }
    }

    [LibraryImport("libc")]
    private static partial int malloc_trim(nuint pad);
}
