using System.Data;
using System.Globalization;
using KeySell.Application.RedFlags;
using KeySell.Application.Sheets;
using KeySell.Domain.RedFlags;
using KeySell.Web.Components.Opportunities;
using KeySell.Web.Components.Shared;
using MiniExcelLibs;

namespace KeySell.Web.Exports;

/// <summary>
/// One deal's strategy sheet as an Excel workbook, one worksheet per section (the deal, its influences, red flags,
/// strengths, actions and the toolkit's lists), headers in the requested language. Amounts, quantities, support and
/// scores are numbers and dates are dates, so the workbook sorts and sums; every text goes through
/// <see cref="FormulaGuard"/>. Written with MiniExcel, from typed tables so even an empty section keeps its header.
/// </summary>
public sealed class SheetXlsx(OnePageWords words)
{
    /// <summary>The workbook in the current culture.</summary>
    public byte[] Render(OnePageSheet deal)
    {
        var ui = words.Ui;
        var t = words.Sheet;
        var s = deal.Sheet;
        var o = s.Opportunity;
        var culture = CultureInfo.CurrentUICulture;
        var names = s.Influences.ToDictionary(i => i.Id, i => i.Name, StringComparer.Ordinal);
        string? Person(string? key) => key is null ? null : names.GetValueOrDefault(key, key);
        string Flags(IEnumerable<string> ids) => string.Join(", ", ids.Select(id => t.RedFlag(id)));

        var sheets = new Dictionary<string, object>();
        void Add(string title, (string Name, Type Type)[] columns, IEnumerable<object?[]> rows)
        {
            var table = new DataTable(title);
            // Two labels may read the same in a language; a column name must be unique in its table.
            foreach (var (name, type) in columns)
                table.Columns.Add(Enumerable.Range(1, columns.Length).Select(n => n == 1 ? name : $"{name} {n}").First(c => !table.Columns.Contains(c)), type);
            foreach (var row in rows)
                table.Rows.Add(row.Select(v => v switch
                {
                    null => DBNull.Value,
                    string text => FormulaGuard.Text(text),
                    DateOnly date => date.ToDateTime(TimeOnly.MinValue),
                    _ => v,
                }).ToArray());
            sheets[SheetName(title, sheets.Keys)] = table;
        }
        (string, Type) Text(string name) => (name, typeof(string));
        (string, Type) Number(string name) => (name, typeof(decimal));
        (string, Type) Date(string name) => (name, typeof(DateTime));

        Add(t["Objective.Name"],
        [
            Text(t["Objective.Name"]), Text(t["Objective.Account"]), Text(t["Objective.FunnelLevel"]), Text(t["Objective.Product"]),
            Number(t["Objective.Quantity"]), Number(t["Objective.Amount"]), Text(t["Objective.Currency"]), Date(t["Objective.CloseDate"]),
            Text(t["Objective.Engagement"]), Text(t["Objective.ExpectedOutcome"]), Text(t["Objective.Owner"]), Number(ui["Account.IdealCustomerScore"]),
        ],
        [[
            o.Name, o.Account, ui.Label(o.FunnelLevel), o.Objective.Product, o.Objective.Quantity, o.Objective.Amount, o.Objective.Currency,
            o.Objective.CloseDate, o.Engagement is { } e ? ui.Label(e) : null, o.ExpectedOutcome is { } x ? ui.Label(x) : null, deal.Owner, o.IdealCustomerScore,
        ]]);

        Add(t["Grid.Title"],
        [
            Text(t["Grid.Person"]), Text(ui["Person.Title"]), Text(t["Grid.Roles"]), Text(t["Grid.Influence"]), Number(t["Grid.Support"]),
            Text(t["Grid.Mode"]), Text(t["Grid.Contact"]), Text(t["Grid.Counterpart"]), Date(t["Grid.Since"]), Date(t["Grid.LastContact"]),
            Text(t["Grid.Wins"]), Text(t["Grid.Results"]),
        ],
        s.Influences.Select(i => new object?[]
        {
            i.Name, i.Title, ui.Roles(i.Roles), ui.Label(i.Influence), i.Support is { } v ? (decimal)v : null,
            $"{i.Mode.Symbol()} {ui.Label(i.Mode)}", ui.Label(i.Contact), i.Counterpart, i.Since, i.LastContact,
            string.Join("; ", i.Wins), string.Join("; ", i.Results),
        }));

        Add(t["Flags.Title"],
        [Text(t["Export.Severity"]), Text(t["Export.Flag"]), Text(t["Lists.Person"]), Text(t["Lists.RedFlagText"]), Text(t["Grid.Actions"])],
        FlagLine.Of(deal.Analysis, culture).OrderBy(f => f.Severity)
            .Select(f => new object?[] { words.Severity(f.Severity), t.RedFlag(f.Id), f.PersonName, f.Message, f.Action }));

        Add(t["Lists.Strengths"], [Text(t["Lists.StrengthText"]), Text(t["Lists.Addresses"])],
            s.Strengths.Select(x => new object?[] { x.Text, Flags(x.Addresses) }));

        Add(t["Actions.Title"],
        [Text(t["Actions.Text"]), Text(t["Actions.Owner"]), Date(t["Actions.Due"]), Text(t["Actions.Status"]), Text(t["Actions.Person"]), Text(t["Actions.Addresses"])],
            s.Actions.Select(a => new object?[] { a.Text, a.Owner, a.Due, t["Actions.Status." + a.Status.ToString().ToLowerInvariant()].Value, Person(a.Influence), Flags(a.Addresses) }));

        Add(t["Lists.Objections"], [Text(t["Lists.From"]), Text(t["Lists.ObjectionText"]), Text(t["Lists.Status"])],
            s.Objections.Select(x => new object?[] { Person(x.From), x.Text, ui.Label(x.Status) }));

        Add(t["Calls.Title"], [Date(t["Calls.Date"]), Text(t["Calls.With"]), Text(t["Calls.Status"]), Text(t["Calls.Commitment"]), Text(t["Calls.Outcome"])],
            s.Calls.Select(c => new object?[] { c.Date, string.Join(", ", c.With.Select(Person)), ui.Label(c.Status), c.Commitment, c.Outcome is { } v ? ui.Label(v) : null }));

        Add(t["Lines.Title"], [Text(t["Lines.From"]), Text(t["Lines.To"]), Text(t["Lines.Strength"]), Text(t["Lines.Note"])],
            s.InfluenceLines.Select(l => new object?[] { Person(l.From), Person(l.To), ui.Label(l.Strength), l.Note }));

        Add(t["Swot.Title"], [Text(t["Swot.Title"]), Text(t["Export.Item"])],
            new[] { ("strengths", s.Swot.Strengths), ("weaknesses", s.Swot.Weaknesses), ("opportunities", s.Swot.Opportunities), ("threats", s.Swot.Threats) }
                .SelectMany(q => q.Item2.Select(item => new object?[] { t["Swot." + q.Item1].Value, item })));

        using var stream = new MemoryStream();
        stream.SaveAs(sheets, configuration: new MiniExcelLibs.OpenXml.OpenXmlConfiguration { FastMode = false });
        return stream.ToArray();
    }

    /// <summary>Excel's rules for a worksheet's name: at most 31 characters, none of <c>[]:*?/\</c>, unique.</summary>
    private static string SheetName(string title, IEnumerable<string> taken)
    {
        var name = new string(title.Select(c => "[]:*?/\\".Contains(c) ? ' ' : c).ToArray()).Trim();
        if (name.Length > 31) name = name[..31];
        var unique = name;
        for (var n = 2; taken.Contains(unique, StringComparer.OrdinalIgnoreCase); n++) unique = $"{name[..Math.Min(name.Length, 28)]} {n}";
        return unique;
    }
}
