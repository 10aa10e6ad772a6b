using System.Collections.Concurrent;

namespace KeySell.Web.Exports;

/// <summary>How far one user's account PDF has got: deals drawn of the deals to draw.</summary>
public sealed record ExportStatus(int Done, int Total, bool Finished);

/// <summary>
/// Where a long account PDF reports its progress while the browser waits for the download, so the account page can
/// show "12 of 40 deals": the page puts a random token in the download link (<c>?progress=</c>), the endpoint reports
/// under the signed-in user and that token, the page reads it here. In this server's memory only: behind a load
/// balancer the page shows progress when its download landed on the same server (sticky sessions do that), and
/// otherwise a plain "building…" until the download arrives (decision 0028).
/// </summary>
public sealed class ExportProgress(TimeProvider time)
{
    private static readonly TimeSpan KeptFor = TimeSpan.FromMinutes(10);
    private readonly ConcurrentDictionary<(string User, Guid Token), (ExportStatus Status, DateTimeOffset At)> _board = new();

    public void Report(string user, Guid token, ExportStatus status)
    {
        var now = time.GetUtcNow();
        _board[(user, token)] = (status, now);
        // Forgotten entries (a page closed mid-download) go after a while; the board stays as small as the downloads under way.
        foreach (var stale in _board.Where(e => now - e.Value.At > KeptFor).Select(e => e.Key).ToList()) _board.TryRemove(stale, out _);
    }

    public ExportStatus? Read(string user, Guid token) => _board.TryGetValue((user, token), out var entry) ? entry.Status : null;
}
