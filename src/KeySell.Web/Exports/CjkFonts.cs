using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text;

namespace KeySell.Web.Exports;

/// <summary>A font file and the face in it (a .ttc holds several).</summary>
public sealed record FontFace(string Path, int Index);

/// <summary>The regular and bold faces the PDF draws every text with, Chinese and Latin alike.</summary>
public sealed record CjkFontPair(FontFace Regular, FontFace Bold);

/// <summary>
/// Finds Noto Sans CJK SC (Debian's fonts-noto-cjk): the configured files (<c>KeySell:Exports:CjkFont</c>,
/// <c>KeySell:Exports:CjkBoldFont</c>), else the usual system paths, else what <c>fc-match</c> names. Null when there
/// is none, which the endpoints answer with a 503 saying how to install it.
/// </summary>
public sealed class CjkFontLocator(IConfiguration configuration, ILogger<CjkFontLocator> log)
{
    private static readonly string[] Directories =
    [
        "/usr/share/fonts/opentype/noto",          // Debian, Ubuntu: fonts-noto-cjk
        "/usr/share/fonts/noto-cjk",               // Arch: noto-fonts-cjk
        "/usr/share/fonts/google-noto-cjk",        // Fedora: google-noto-sans-cjk-ttc-fonts
        "/usr/share/fonts/google-noto-sans-cjk-fonts",
        "/opt/homebrew/share/fonts", "/usr/local/share/fonts",
    ];

    private readonly Lazy<CjkFontPair?> _found = new(() => Find(configuration, log));

    public CjkFontPair? Fonts => _found.Value;

    private static CjkFontPair? Find(IConfiguration configuration, ILogger log)
    {
        var configured = configuration["KeySell:Exports:CjkFont"];
        if (!string.IsNullOrWhiteSpace(configured) && !File.Exists(configured))
        {
            // A font named in the settings and not there is a mistake to see, not one to cover with another font.
            log.LogWarning("KeySell:Exports:CjkFont names {Path}, which does not exist: PDF exports answer 503 until it does.", configured);
            return null;
        }
        var regular = Configured(configured) ?? OnDisk("NotoSansCJK-Regular.ttc") ?? FcMatch("Noto Sans CJK SC:style=Regular");
        if (regular is null)
        {
            log.LogWarning("No Noto Sans CJK font found: PDF exports answer 503 until fonts-noto-cjk is installed or KeySell:Exports:CjkFont is set.");
            return null;
        }
        // Without a bold face the headings are drawn in the regular one, larger: still readable, still Chinese.
        var bold = Configured(configuration["KeySell:Exports:CjkBoldFont"]) ?? OnDisk("NotoSansCJK-Bold.ttc") ?? FcMatch("Noto Sans CJK SC:style=Bold") ?? regular;
        return new CjkFontPair(regular, bold);
    }

    private static FontFace? Configured(string? path) =>
        string.IsNullOrWhiteSpace(path) ? null : File.Exists(path) ? new FontFace(path, SimplifiedChineseFace(path)) : null;

    private static FontFace? OnDisk(string file) =>
        Directories.Select(d => System.IO.Path.Combine(d, file)).Where(File.Exists).Select(p => new FontFace(p, SimplifiedChineseFace(p))).FirstOrDefault();

    private static FontFace? FcMatch(string pattern)
    {
        try
        {
            using var process = Process.Start(new ProcessStartInfo("fc-match", ["-f", "%{file}\n%{index}\n%{family}", pattern])
            { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false });
            if (process is null) return null;
            var lines = process.StandardOutput.ReadToEnd().Split('\n');
            process.WaitForExit(5000);
            // fc-match always answers something; only a CJK family will do.
            return lines.Length >= 3 && File.Exists(lines[0]) && lines[2].Contains("CJK", StringComparison.OrdinalIgnoreCase) && int.TryParse(lines[1], out var index)
                ? new FontFace(lines[0], index)
                : null;
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or InvalidOperationException or IOException)
        {
            return null; // no fontconfig on this machine
        }
    }

    /// <summary>The face of a collection whose family is "Noto Sans CJK SC" (the simplified-Chinese glyph shapes); 0 for a single font.</summary>
    private static int SimplifiedChineseFace(string path)
    {
        try
        {
            var bytes = File.ReadAllBytes(path);
            var faces = OpenTypeCollection.FaceCount(bytes);
            for (var i = 0; i < faces; i++)
                if (OpenTypeCollection.Family(bytes, i) is { } family && family.EndsWith(" SC", StringComparison.Ordinal) && !family.Contains("Mono", StringComparison.Ordinal))
                    return i;
        }
        catch (Exception e) when (e is IOException or IndexOutOfRangeException or ArgumentException)
        {
            // An unreadable collection falls back to its first face.
        }
        return 0;
    }
}

/// <summary>Reads the few things the exports need from an OpenType file or collection (.ttc): its faces and their family names.</summary>
internal static class OpenTypeCollection
{
    private static uint U32(byte[] b, int o) => (uint)(b[o] << 24 | b[o + 1] << 16 | b[o + 2] << 8 | b[o + 3]);
    private static ushort U16(byte[] b, int o) => (ushort)(b[o] << 8 | b[o + 1]);
    private static bool IsCollection(byte[] b) => b.Length > 12 && b[0] == 't' && b[1] == 't' && b[2] == 'c' && b[3] == 'f';

    public static int FaceCount(byte[] font) => IsCollection(font) ? (int)U32(font, 8) : 1;

    private static int FaceOffset(byte[] font, int index) => IsCollection(font) ? (int)U32(font, 12 + 4 * index) : 0;

    /// <summary>The family name (name id 1, Windows English), or null.</summary>
    public static string? Family(byte[] font, int index)
    {
        var face = FaceOffset(font, index);
        int tables = U16(font, face + 4);
        for (var t = 0; t < tables; t++)
        {
            var record = face + 12 + 16 * t;
            if (Encoding.ASCII.GetString(font, record, 4) != "name") continue;
            var name = (int)U32(font, record + 8);
            int count = U16(font, name + 2), strings = name + U16(font, name + 4);
            for (var r = 0; r < count; r++)
            {
                var n = name + 6 + 12 * r;
                if (U16(font, n) == 3 && U16(font, n + 4) == 0x409 && U16(font, n + 6) == 1)
                    return Encoding.BigEndianUnicode.GetString(font, strings + U16(font, n + 10), U16(font, n + 8));
            }
        }
        return null;
    }
}

/// <summary>
/// Cuts a font down to the characters a document uses, with HarfBuzz's subsetter (hb-subset, shipped in
/// HarfBuzzSharp's native library but not wrapped by it). PDFsharp embeds the font it is given whole, and Noto Sans
/// CJK is 16 MB a face; the subset of a one-page sheet is some tens of kilobytes (decision 0028).
/// </summary>
internal static partial class FontSubsetter
{
    private const string HarfBuzz = "libHarfBuzzSharp";

    [LibraryImport(HarfBuzz)] private static partial IntPtr hb_subset_input_create_or_fail();
    [LibraryImport(HarfBuzz)] private static partial IntPtr hb_subset_input_unicode_set(IntPtr input);
    [LibraryImport(HarfBuzz)] private static partial void hb_set_add(IntPtr set, uint codepoint);
    [LibraryImport(HarfBuzz)] private static partial IntPtr hb_subset_or_fail(IntPtr face, IntPtr input);
    [LibraryImport(HarfBuzz)] private static partial void hb_subset_input_destroy(IntPtr input);
    [LibraryImport(HarfBuzz)] private static partial IntPtr hb_face_reference_blob(IntPtr face);
    [LibraryImport(HarfBuzz)] private static partial IntPtr hb_blob_get_data(IntPtr blob, out uint length);
    [LibraryImport(HarfBuzz)] private static partial void hb_blob_destroy(IntPtr blob);
    [LibraryImport(HarfBuzz)] private static partial void hb_face_destroy(IntPtr face);

    // Each face is read from disk once (some 20 MB a collection) and kept for the process: HarfBuzz faces are
    // immutable and safe to subset from several threads at once.
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<FontFace, Lazy<HarfBuzzSharp.Face>> Faces = new();

    private static HarfBuzzSharp.Face Open(FontFace font) => Faces.GetOrAdd(font, f => new Lazy<HarfBuzzSharp.Face>(() =>
    {
        var blob = HarfBuzzSharp.Blob.FromFile(f.Path);
        blob.MakeImmutable();
        return new HarfBuzzSharp.Face(blob, f.Index);
    })).Value;

    /// <summary>A standalone font with the glyphs of <paramref name="codepoints"/> (and .notdef), from one face of a file or collection.</summary>
    public static byte[] Subset(FontFace font, IEnumerable<int> codepoints)
    {
        var face = Open(font);
        var input = hb_subset_input_create_or_fail();
        if (input == IntPtr.Zero) throw new InvalidOperationException("HarfBuzz could not start a subset.");
        try
        {
            var set = hb_subset_input_unicode_set(input);
            foreach (var c in codepoints) hb_set_add(set, (uint)c);
            var subset = hb_subset_or_fail(face.Handle, input);
            if (subset == IntPtr.Zero) throw new InvalidOperationException($"HarfBuzz could not subset {font.Path}.");
            var data = hb_face_reference_blob(subset);
            try
            {
                var pointer = hb_blob_get_data(data, out var length);
                var bytes = new byte[length];
                Marshal.Copy(pointer, bytes, 0, (int)length);
                return bytes;
            }
            finally
            {
                hb_blob_destroy(data);
                hb_face_destroy(subset);
            }
        }
        finally
        {
            hb_subset_input_destroy(input);
        }
    }
}
