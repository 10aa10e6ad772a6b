using KeySell.Domain.RedFlags;
using KeySell.Web.Components.Shared;
using PdfSharp.Drawing;
using PdfSharp.Fonts;
using PdfSharp.Pdf;

namespace KeySell.Web.Exports;

/// <summary>
/// Draws one-page strategy sheets into a PDF (A4 landscape) with PDFsharp, in Noto Sans CJK cut down to the
/// characters drawn and embedded, so the text stays selectable and searchable in Chinese and English alike.
/// A sheet is shrunk (8 pt down to 5.5 pt) until it fits one page; a deal too big for one page even then flows on
/// to further pages, repeating the grid's header (decision 0028).
/// </summary>
public sealed class SheetPdf(CjkFontLocator fonts, TimeProvider time)
{
    private const double PageWidth = 842, PageHeight = 595, Margin = 24;
    private const double ContentWidth = PageWidth - 2 * Margin, Bottom = PageHeight - Margin;
    private static readonly double[] Sizes = [8, 7.5, 7, 6.5, 6, 5.5];

    // PDFsharp resolves fonts through one process-wide resolver; each document installs its own subset, so one
    // document is drawn at a time (a one-page sheet takes milliseconds; see decision 0028).
    private static readonly SemaphoreSlim Gate = new(1, 1);

    public bool HasFonts => fonts.Fonts is not null;

    /// <param name="cover">A line above the first sheet (the account's document: name, date, count), or null.</param>
    /// <param name="progress">Told the number of sheets drawn so far.</param>
    public async Task<byte[]> RenderAsync(string documentTitle, string? cover, IReadOnlyList<OnePage> pages, IProgress<int>? progress, CancellationToken ct)
    {
        var pair = fonts.Fonts ?? throw new InvalidOperationException("No CJK font: check HasFonts first.");
        var characters = pages.SelectMany(p => p.Texts()).Append(cover ?? "").Append(documentTitle)
            .SelectMany(t => t.EnumerateRunes()).Select(r => r.Value)
            .Concat(Enumerable.Range(0x20, 0x5F)).Concat([0x2026, 0x00B7, 0x2212, 0x2022, 0x2192]) // printable ASCII, … · − • →
            .ToHashSet();
        var regular = FontSubsetter.Subset(pair.Regular, characters);
        var bold = pair.Bold == pair.Regular ? regular : FontSubsetter.Subset(pair.Bold, characters);

        await Gate.WaitAsync(ct);
        try
        {
            GlobalFontSettings.ResetFontManagement();
            GlobalFontSettings.FontResolver = new SubsetResolver(regular, bold);
            using var document = new PdfDocument();
            document.Info.Title = documentTitle;
            document.Info.Creator = "KeySell";
            document.Info.CreationDate = time.GetLocalNow().DateTime;
            for (var i = 0; i < pages.Count; i++)
            {
                ct.ThrowIfCancellationRequested();
                new SheetLayout(document, pages[i], i == 0 ? cover : null).Draw();
                progress?.Report(i + 1);
            }
            using var stream = new MemoryStream();
            document.Save(stream, closeStream: false);
            return DeclareCffOutlines(stream);
        }
        finally
        {
            GlobalFontSettings.ResetFontManagement();
            Gate.Release();
        }
    }

    /// <summary>
    /// PDFsharp declares every embedded font as TrueType outlines (CIDFontType2, FontFile2); Noto Sans CJK has CFF
    /// outlines, which PDF declares as CIDFontType0 with the OpenType file in FontFile3. Viewers that trust the
    /// declaration (and poppler's warnings) need it right, so the saved document is read back and the declaration
    /// corrected. The font's glyph ids stay the codes: HarfBuzz's subset numbers its CIDs as its glyphs.
    /// </summary>
    private static byte[] DeclareCffOutlines(MemoryStream saved)
    {
        saved.Position = 0;
        using var document = PdfSharp.Pdf.IO.PdfReader.Open(saved, PdfSharp.Pdf.IO.PdfDocumentOpenMode.Modify);
        foreach (var font in document.Internals.GetAllObjects().OfType<PdfDictionary>().Where(d => d.Elements.GetName("/Subtype") == "/CIDFontType2"))
        {
            if (font.Elements.GetDictionary("/FontDescriptor") is not { } descriptor || descriptor.Elements.GetReference("/FontFile2") is not { } file) continue;
            if (file.Value is not PdfDictionary program || !IsCff(program)) continue;
            font.Elements.SetName("/Subtype", "/CIDFontType0");
            font.Elements.Remove("/CIDToGIDMap");
            descriptor.Elements.Remove("/FontFile2");
            descriptor.Elements["/FontFile3"] = file;
            program.Elements.SetName("/Subtype", "/OpenType");
            program.Elements.Remove("/Length1");
        }
        using var corrected = new MemoryStream();
        document.Save(corrected, closeStream: false);
        return corrected.ToArray();
    }

    /// <summary>An OpenType font with CFF outlines begins "OTTO"; a TrueType one 0x00010000.</summary>
    private static bool IsCff(PdfDictionary program)
    {
        var bytes = program.Stream?.UnfilteredValue;
        return bytes is { Length: >= 4 } && bytes[0] == 'O' && bytes[1] == 'T' && bytes[2] == 'T' && bytes[3] == 'O';
    }

    private sealed class SubsetResolver(byte[] regular, byte[] bold) : IFontResolver
    {
        public FontResolverInfo ResolveTypeface(string familyName, bool isBold, bool isItalic) => new(isBold ? "ks-bold" : "ks-regular");
        public byte[] GetFont(string faceName) => faceName == "ks-bold" ? bold : regular;
    }

    /// <summary>One deal's sheet laid out at the largest size that fits one page, then drawn page by page.</summary>
    private sealed class SheetLayout(PdfDocument document, OnePage page, string? cover)
    {
        // The grid's columns as shares of the page width: person, roles, influence, support, mode, contact, last contact, counterpart, wins/results.
        private static readonly double[] Columns = [0.16, 0.07, 0.07, 0.065, 0.11, 0.075, 0.08, 0.11, 0.25];
        private static readonly XColor Ink = XColor.FromArgb(0x21, 0x21, 0x21), Muted = XColor.FromArgb(0x61, 0x61, 0x61), Rule = XColor.FromArgb(0xBD, 0xBD, 0xBD);
        private static readonly XColor Header = XColor.FromArgb(0xEE, 0xEE, 0xEE);

        private readonly XGraphics _measure = XGraphics.CreateMeasureContext(new XSize(PageWidth, PageHeight), XGraphicsUnit.Point, XPageDirection.Downwards);
        private double _size;
        private XFont _text = null!, _bold = null!, _small = null!, _title = null!, _subtitle = null!;
        private double Line => _size * 1.3;

        private XGraphics? _g;
        private double _y;

        public void Draw()
        {
            var fits = Sizes.FirstOrDefault(s => { Use(s); return Height() <= Bottom - Margin; });
            Use(fits == 0 ? Sizes[^1] : fits);
            NewPage();
            DrawHeading();
            DrawGridHeader();
            foreach (var row in page.Rows)
            {
                var cells = RowCells(row);
                var height = RowHeight(cells);
                if (_y + height > Bottom) { NewPage(); DrawGridHeader(); }
                DrawRow(row, cells, height);
            }
            if (page.Rows.Count == 0) Text(page.None, _text, Muted, Margin + 3, ref _y);
            _y += Line;
            DrawSections();
            _g!.Dispose();
        }

        private void Use(double size)
        {
            _size = size;
            _text = Font(size, XFontStyleEx.Regular);
            _bold = Font(size, XFontStyleEx.Bold);
            _small = Font(size * 0.88, XFontStyleEx.Regular);
            _title = Font(size + 6, XFontStyleEx.Bold);
            _subtitle = Font(size + 1.5, XFontStyleEx.Regular);
        }

        // Always Unicode (Identity-H): left to itself PDFsharp writes a text of Latin letters only ("+3", "C") with
        // a simple WinAnsi font, which a CFF-outlined font like Noto Sans CJK cannot be.
        private static XFont Font(double size, XFontStyleEx style) => new("KeySell", size, style, new XPdfFontOptions(PdfFontEncoding.Unicode));

        private void NewPage()
        {
            _g?.Dispose();
            var p = document.AddPage();
            p.Width = XUnit.FromPoint(PageWidth);
            p.Height = XUnit.FromPoint(PageHeight);
            _g = XGraphics.FromPdfPage(p);
            _y = Margin;
        }

        // ---- measuring ---------------------------------------------------------------------------

        private double Height()
        {
            var height = HeadingHeight() + Line * 1.4 + page.Rows.Sum(r => RowHeight(RowCells(r))) + Line;
            return height + SectionColumns().Max(c => c.Sum(i => i.Height));
        }

        private double HeadingHeight() =>
            (cover is null ? 0 : Line * 1.2) + (_size + 6) * 1.3 + Wrap(page.Subtitle, _subtitle, ContentWidth).Count * (_size + 1.5) * 1.3
            + Wrap(ObjectiveLine, _text, ContentWidth).Count * Line + Line * 0.5;

        private string ObjectiveLine => string.Join("    ", page.Objective.Where(o => o.Value.Length > 0).Select(o => $"{o.Label}: {o.Value}"));

        private List<string>[] RowCells(PageRow row)
        {
            var w = Columns.Select(c => c * ContentWidth - 6).ToArray();
            return
            [
                Wrap(row.Name, _bold, w[0]), Wrap(row.Title ?? "", _small, w[0]), [], Wrap(row.Influence, _text, w[2]), [],
                Wrap(row.Mode, _text, w[4]), Wrap(row.Contact, _text, w[5]), Wrap(row.LastContact, _text, w[6]),
                Wrap(row.Counterpart, _text, w[7]), Wrap(row.WinsResults, _text, w[8]),
            ];
        }

        private double RowHeight(List<string>[] cells) =>
            Math.Max(cells[0].Count + cells[1].Count, cells.Skip(2).Max(c => c.Count)) * Line + 4;

        /// <summary>Greedy line breaking: between words in Latin text, between any two characters in Chinese.</summary>
        private List<string> Wrap(string text, XFont font, double width)
        {
            var lines = new List<string>();
            if (string.IsNullOrEmpty(text)) return lines;
            foreach (var paragraph in text.Replace("\r", "").Split('\n'))
            {
                var line = "";
                foreach (var token in Tokens(paragraph))
                {
                    var candidate = line + token;
                    // Chinese punctuation that closes a phrase never starts a line: it stays with its phrase.
                    if (line.Length == 0 || Width(candidate.TrimEnd(), font) <= width || token is [var mark] && ClosingMarks.Contains(mark)) { line = candidate; continue; }
                    lines.Add(line.TrimEnd());
                    line = token.TrimStart();
                }
                // A word wider than the column is cut where it overflows.
                while (line.Length > 1 && Width(line.TrimEnd(), font) > width)
                {
                    var cut = line.Length - 1;
                    while (cut > 1 && Width(line[..cut], font) > width) cut--;
                    lines.Add(line[..cut]);
                    line = line[cut..];
                }
                lines.Add(line.TrimEnd());
            }
            return lines;
        }

        private const string ClosingMarks = "，。、；：！？）」』》”’…";

        private static IEnumerable<string> Tokens(string text)
        {
            var start = 0;
            for (var i = 0; i < text.Length; i++)
            {
                var wide = text[i] >= 0x2E80;
                if (wide || text[i] == ' ')
                {
                    if (wide && i > start) { yield return text[start..i]; start = i; }
                    yield return text[start..(i + 1)];
                    start = i + 1;
                }
            }
            if (start < text.Length) yield return text[start..];
        }

        private double Width(string text, XFont font) => _measure.MeasureString(text, font).Width;

        // ---- drawing -------------------------------------------------------------------------------

        private void Text(string text, XFont font, XColor colour, double x, ref double y)
        {
            _g!.DrawString(text, font, new XSolidBrush(colour), x, y + font.Size, XStringFormats.Default);
            y += font.Size * 1.3;
        }

        private void DrawHeading()
        {
            if (cover is not null)
            {
                Text(cover, _bold, Muted, Margin, ref _y);
                _g!.DrawLine(new XPen(Rule, 0.5), Margin, _y, PageWidth - Margin, _y);
                _y += Line * 0.2;
            }
            Text(page.Title, _title, Ink, Margin, ref _y);
            foreach (var line in Wrap(page.Subtitle, _subtitle, ContentWidth)) Text(line, _subtitle, Muted, Margin, ref _y);
            foreach (var line in Wrap(ObjectiveLine, _text, ContentWidth)) Text(line, _text, Ink, Margin, ref _y);
            _y += Line * 0.5;
        }

        private void DrawGridHeader()
        {
            var height = Line * 1.4;
            _g!.DrawRectangle(new XSolidBrush(Header), Margin, _y, ContentWidth, height);
            var x = Margin;
            for (var c = 0; c < Columns.Length; c++)
            {
                var header = Wrap(page.GridHeaders[c], _bold, Columns[c] * ContentWidth - 6).FirstOrDefault() ?? "";
                _g.DrawString(header, _bold, new XSolidBrush(Ink), x + 3, _y + (height + _size) / 2 - 1, XStringFormats.Default);
                x += Columns[c] * ContentWidth;
            }
            _y += height;
        }

        private void DrawRow(PageRow row, List<string>[] cells, double height)
        {
            var g = _g!;
            var top = _y + 2;
            var x = Margin;
            double[] left = new double[Columns.Length];
            for (var c = 0; c < Columns.Length; c++) { left[c] = x + 3; x += Columns[c] * ContentWidth; }

            var y = top;
            foreach (var line in cells[0]) Text(line, _bold, Ink, left[0], ref y);
            foreach (var line in cells[1]) Text(line, _small, Muted, left[0], ref y);

            // Roles as letter badges (C U T E), as on screen.
            var bx = left[1];
            foreach (var letter in row.RoleLetters)
            {
                var w = Math.Max(Width(letter, _bold) + 4, _size + 3);
                g.DrawRoundedRectangle(new XPen(Ink, 0.6), bx, top, w, _size + 2, 2, 2);
                g.DrawString(letter, _bold, new XSolidBrush(Ink), bx + (w - Width(letter, _bold)) / 2, top + _size, XStringFormats.Default);
                bx += w + 2;
            }

            // Support in the app's one colour scale; support nobody has judged has a dashed outline, as on screen.
            var supportWidth = Math.Max(Width(row.SupportText, _bold) + 8, 22);
            if (row.Support is { } support)
            {
                var (background, foreground) = SupportScale.Colours(support);
                g.DrawRoundedRectangle(new XSolidBrush(Hex(background)), left[3], top, supportWidth, _size + 3, 2, 2);
                g.DrawString(row.SupportText, _bold, new XSolidBrush(Hex(foreground)), left[3] + 4, top + _size + 0.5, XStringFormats.Default);
            }
            else
            {
                g.DrawRoundedRectangle(new XPen(Muted, 0.6) { DashStyle = XDashStyle.Dash }, left[3], top, supportWidth, _size + 3, 2, 2);
                g.DrawString(row.SupportText, _text, new XSolidBrush(Muted), left[3] + 4, top + _size + 0.5, XStringFormats.Default);
            }

            for (var c = 2; c < cells.Length; c++)
            {
                if (c is 2 or 4) continue; // roles and support are drawn above
                var column = c - 1;
                var cy = top;
                foreach (var line in cells[c]) Text(line, _text, Ink, left[column], ref cy);
            }
            _y += height;
            g.DrawLine(new XPen(Rule, 0.4), Margin, _y, PageWidth - Margin, _y);
        }

        private sealed record Item(double Height, Action<XGraphics, double, double> Draw);

        private List<Item>[] SectionColumns()
        {
            var width = ContentWidth / 3 - 8;
            var flags = new List<Item> { Heading(page.FlagsTitle) };
            if (page.Flags.Count == 0) flags.Add(Lines(page.None, _text, Muted, width, 0));
            foreach (var group in page.Flags)
            {
                flags.Add(Lines(group.Label, _bold, SeverityColour(group.Severity), width, 0));
                foreach (var flag in group.Flags)
                {
                    // The engine's message names the person already.
                    flags.Add(Lines("• " + flag.Message, _text, Ink, width, 0));
                    flags.Add(Lines("→ " + flag.Action, _small, Muted, width - 8, 8));
                }
            }
            var strengths = new List<Item> { Heading(page.StrengthsTitle) };
            if (page.Strengths.Count == 0) strengths.Add(Lines(page.None, _text, Muted, width, 0));
            strengths.AddRange(page.Strengths.Select(s => Lines("• " + s, _text, Ink, width, 0)));
            var actions = new List<Item> { Heading(page.ActionsTitle) };
            if (page.Actions.Count == 0) actions.Add(Lines(page.None, _text, Muted, width, 0));
            foreach (var a in page.Actions)
            {
                actions.Add(Lines("• " + a.Text, _text, Ink, width, 0));
                var when = string.Join("  ·  ", new[] { a.Due, a.Owner }.Where(x => x.Length > 0));
                if (when.Length > 0) actions.Add(Lines(when, _small, a.Overdue ? SeverityColour(RedFlagSeverity.Critical) : Muted, width - 8, 8));
            }
            return [flags, strengths, actions];
        }

        private Item Heading(string text) => new(Line * 1.5, (g, x, y) =>
        {
            g.DrawString(text, _bold, new XSolidBrush(Ink), x, y + _size + 1, XStringFormats.Default);
            g.DrawLine(new XPen(Rule, 0.5), x, y + Line * 1.2, x + ContentWidth / 3 - 8, y + Line * 1.2);
        });

        private Item Lines(string text, XFont font, XColor colour, double width, double indent)
        {
            var lines = Wrap(text, font, width);
            return new Item(lines.Count * font.Size * 1.3, (g, x, y) => { foreach (var line in lines) Text(line, font, colour, x + indent, ref y); });
        }

        /// <summary>The three lists side by side; a list longer than the page goes on at the top of the next one.</summary>
        private void DrawSections()
        {
            var queues = SectionColumns().Select(c => new Queue<Item>(c)).ToArray();
            while (true)
            {
                for (var c = 0; c < queues.Length; c++)
                {
                    var x = Margin + c * ContentWidth / 3;
                    var y = _y;
                    // An item taller than a whole page is drawn anyway rather than lost (it runs into the margin).
                    while (queues[c].TryPeek(out var item) && (y + item.Height <= Bottom || y == Margin))
                    {
                        item.Draw(_g!, x, y);
                        y += item.Height;
                        queues[c].Dequeue();
                    }
                }
                if (queues.All(q => q.Count == 0)) return;
                NewPage();
            }
        }

        private static XColor SeverityColour(RedFlagSeverity severity) => severity switch
        {
            RedFlagSeverity.Critical => XColor.FromArgb(0xB7, 0x1C, 0x1C),
            RedFlagSeverity.Warning => XColor.FromArgb(0x8A, 0x4B, 0x00),
            _ => XColor.FromArgb(0x0D, 0x47, 0xA1),
        };

        private static XColor Hex(string hex) => XColor.FromArgb(
            Convert.ToInt32(hex[1..3], 16), Convert.ToInt32(hex[3..5], 16), Convert.ToInt32(hex[5..7], 16));
    }
}
