namespace KeySell.Application.Common;

/// <summary>
/// How much input KeySell takes from anyone, in one place: the sheet reader, the API and the CLI all use these, so a
/// sheet the CLI accepts is one the API accepts. They keep one caller from costing the server (or a script) unbounded
/// memory or time; real sheets are far smaller (a typical one is about 2 KB with eight influences).
/// </summary>
public static class InputLimits
{
    /// <summary>A strategy sheet's UTF-8 JSON, in bytes: 2 MB as 2,000,000 bytes (not 2 MiB).</summary>
    public const int SheetBytes = 2_000_000;

    /// <summary>Buying influences in one sheet.</summary>
    public const int SheetInfluences = 500;

    /// <summary>Calls in one sheet (version 2).</summary>
    public const int SheetCalls = 200;

    /// <summary>Actions in one sheet (version 2).</summary>
    public const int SheetActions = 500;

    /// <summary>Nodes of the needs tree in one sheet, at every depth together (version 2).</summary>
    public const int SheetNeedNodes = KeySell.Domain.Needs.NeedsAnalysis.MaxNodes;

    /// <summary>How deep the needs tree may go, a first-level branch being depth 1 (version 2).</summary>
    public const int SheetNeedsDepth = KeySell.Domain.Needs.NeedsAnalysis.MaxDepth;

    /// <summary>Any one text in a sheet (a name, a title, a win, an objection…), in UTF-16 code units as .NET counts them.</summary>
    public const int SheetTextLength = 4_000;

    /// <summary>The body of any other API request, in bytes; the sheet's own limit is <see cref="SheetBytes"/>.</summary>
    public const int RequestBodyBytes = 1_000_000;

    /// <summary>
    /// A CRM export uploaded through the web or the API, in bytes: 200 MB as 200,000,000 bytes (about two million
    /// rows of a typical export). Larger files go through <c>keysell import</c>, which has no limit.
    /// </summary>
    public const long ImportFileBytes = 200_000_000;

    /// <summary>The highest page a list answers; with <see cref="MaxPageSize"/> the offset stays far below <see cref="int.MaxValue"/>.</summary>
    public const int MaxPage = 1_000_000;

    /// <summary>An <c>Idempotency-Key</c> header, in characters (visible ASCII): room for a UUID or a client's own scheme.</summary>
    public const int IdempotencyKeyLength = 255;

    /// <summary>The most items one page of a list holds, so no call can ask for everything.</summary>
    public const int MaxPageSize = 200;

    /// <summary>A list cursor's text: the id and a name of at most 200 characters (up to 800 UTF-8 bytes), base64url encoded, fit well within.</summary>
    public const int MaxCursorLength = 1_200;

    /// <summary>A search text in a list, in characters; names are at most 200.</summary>
    public const int MaxSearchLength = 200;
}
