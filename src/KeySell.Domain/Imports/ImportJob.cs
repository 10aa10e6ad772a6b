using KeySell.Domain.Common;

namespace KeySell.Domain.Imports;

/// <summary>What a CRM export file holds: one kind of record per file, as the CRMs export them.</summary>
public enum ImportKind
{
    Accounts = 0,
    Contacts = 1,
    Opportunities = 2,
}

public enum ImportState
{
    Queued = 0,
    Running = 1,
    Done = 2,
    Failed = 3,
}

/// <summary>
/// One import of one file, kept in the database so the person who started it can leave and come
/// back, and so a restarted server knows what it was doing. It belongs to the user who started it.
/// </summary>
public class ImportJob : AuditedEntity
{
    public const int FileNameMaxLength = 260;
    public const int MessageMaxLength = 2000;

    /// <summary>The user who started it (null for the operator at a terminal): they and admins see it.</summary>
    public string? UserId { get; set; }
    public ImportKind Kind { get; set; }
    public string FileName { get; set; } = "";
    /// <summary>Where the uploaded file waits under the data directory, relative to it.</summary>
    public string StoredFile { get; set; } = "";
    public long FileBytes { get; set; }
    /// <summary>The column mapping as JSON (file column → KeySell field).</summary>
    public string Mapping { get; set; } = "{}";
    public string Source { get; set; } = "file";
    public bool DryRun { get; set; }
    public ImportState State { get; set; } = ImportState.Queued;

    public long RowsRead { get; set; }
    public long Created { get; set; }
    public long Updated { get; set; }
    public long Unchanged { get; set; }
    public long BadRows { get; set; }
    public long Problems { get; set; }
    /// <summary>The first problems found, as JSON, for the report; the error file holds every bad row.</summary>
    public string FirstProblems { get; set; } = "[]";
    /// <summary>File columns with no counterpart in KeySell, as JSON: listed in the report and ignored.</summary>
    public string IgnoredColumns { get; set; } = "[]";
    /// <summary>Why the job failed as a whole (an unreadable file, a server restart).</summary>
    public string? Message { get; set; }
    public DateTimeOffset? StartedAt { get; set; }
    public DateTimeOffset? FinishedAt { get; set; }
}

/// <summary>A column mapping someone saved to use again for the next export of the same CRM.</summary>
public class ImportMapping : AuditedEntity
{
    public const int NameMaxLength = 100;

    public string? UserId { get; set; }
    public string Name { get; set; } = "";
    public ImportKind Kind { get; set; }
    /// <summary>File column → KeySell field, as JSON.</summary>
    public string Columns { get; set; } = "{}";
}
