using KeySell.Application.Data;

namespace KeySell.Application.Imports;

/// <summary>
/// Where uploaded files and error files wait: <c>imports/&lt;job id&gt;/</c> under the data directory
/// (with several app servers, a shared directory — see docs/imports.md).
/// </summary>
public static class ImportFiles
{
    public const string ErrorFileName = "errors.csv";

    public static string Directory(KeySellOptions options, Guid jobId) =>
        Path.Combine(options.ResolveDataDirectory(), "imports", jobId.ToString("N"));

    public static string Upload(KeySellOptions options, Guid jobId) => Path.Combine(Directory(options, jobId), "upload");

    public static string Errors(KeySellOptions options, Guid jobId) => Path.Combine(Directory(options, jobId), ErrorFileName);
}
