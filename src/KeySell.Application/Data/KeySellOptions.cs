using KeySell.Domain.RedFlags;

namespace KeySell.Application.Data;

/// <summary>The <c>KeySell</c> configuration section (environment: <c>KeySell__…</c>).</summary>
public sealed class KeySellOptions
{
    public const string Section = "KeySell";

    /// <summary>Where the SQLite file lives; default the XDG data home, <c>~/.local/share/keysell</c>.</summary>
    public string? DataDirectory { get; set; }
    public DatabaseOptions Database { get; set; } = new();
    public bool SeedDemoData { get; set; } = true;
    public AdminOptions Admin { get; set; } = new();

    /// <summary>The team's thresholds for the red-flag rules (stale days, new-player days, fit threshold).</summary>
    public AnalysisSettings Analysis { get; set; } = AnalysisSettings.Default;

    /// <summary>When a search term is common enough to page by walking the name index (decision 0012).</summary>
    public SearchSettings Search { get; set; } = new();

    public string ResolveDataDirectory()
    {
        if (!string.IsNullOrWhiteSpace(DataDirectory)) return Path.GetFullPath(DataDirectory);
        var xdg = Environment.GetEnvironmentVariable("XDG_DATA_HOME");
        var home = string.IsNullOrWhiteSpace(xdg)
            ? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".local", "share")
            : xdg;
        return Path.Combine(home, "keysell");
    }
}

public sealed class DatabaseOptions
{
    /// <summary><c>sqlite</c> (default) or <c>postgres</c>.</summary>
    public string Provider { get; set; } = "sqlite";
}

public sealed class AdminOptions
{
    public string? Email { get; set; }
    public string? Password { get; set; }
}

public sealed class SearchSettings
{
    /// <summary>
    /// Above this many gram-index candidates a search pages by walking the live (Name, Id) index and testing each row,
    /// instead of sorting every candidate by name (decision 0012). Counting stops one past it, so deciding is cheap.
    /// </summary>
    public int CommonTermAbove { get; set; } = 2_000;
}
