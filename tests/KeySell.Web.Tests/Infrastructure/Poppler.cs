using System.Diagnostics;

namespace KeySell.Web.Tests.Infrastructure;

/// <summary>
/// Debian's poppler-utils (pdftotext, pdffonts, pdfinfo) as a second reader of the PDFs the app writes: what a
/// user's viewer extracts, which fonts it finds embedded, how many pages. ./test.sh installs them.
/// </summary>
public static class Poppler
{
    /// <summary>The text in drawing order (<c>-raw</c>), as a search in a viewer finds it.</summary>
    public static async Task<string> TextAsync(byte[] pdf) => (await RunAsync("pdftotext", pdf, "-raw", "-enc", "UTF-8", "{file}", "-")).Output;

    /// <summary>What poppler complains about while reading the PDF (a font declared as one kind and embedded as another…); empty for a clean file.</summary>
    public static async Task<string> ComplaintsAsync(byte[] pdf) => (await RunAsync("pdftotext", pdf, "{file}", "/dev/null")).Errors;

    public static async Task<string> FontsAsync(byte[] pdf) => (await RunAsync("pdffonts", pdf, "{file}")).Output;

    public static async Task<int> PagesAsync(byte[] pdf)
    {
        var (info, _) = await RunAsync("pdfinfo", pdf, "{file}");
        var line = info.Split('\n').Single(l => l.StartsWith("Pages:", StringComparison.Ordinal));
        return int.Parse(line["Pages:".Length..].Trim(), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Text with every space and line break taken out, so a sentence the PDF wrapped still matches.</summary>
    public static string Squeezed(string text) => string.Concat(text.Where(c => !char.IsWhiteSpace(c)));

    private static async Task<(string Output, string Errors)> RunAsync(string tool, byte[] pdf, params string[] arguments)
    {
        var file = Path.Combine(Path.GetTempPath(), $"keysell-test-{Guid.NewGuid():N}.pdf");
        await File.WriteAllBytesAsync(file, pdf);
        try
        {
            Process process;
            try
            {
                process = Process.Start(new ProcessStartInfo(tool, arguments.Select(a => a == "{file}" ? file : a))
                {
                    RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
                })!;
            }
            catch (System.ComponentModel.Win32Exception e)
            {
                throw new InvalidOperationException($"{tool} is not installed: install poppler-utils (apt-get install poppler-utils; ./test.sh does this).", e);
            }
            using (process)
            {
                var output = process.StandardOutput.ReadToEndAsync();
                var errors = process.StandardError.ReadToEndAsync();
                await process.WaitForExitAsync();
                if (process.ExitCode != 0) throw new InvalidOperationException($"{tool} failed ({process.ExitCode}): {await errors}");
                return (await output, await errors);
            }
        }
        finally
        {
            File.Delete(file);
        }
    }
}
