using System.Text;
using System.Text.Json.Nodes;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using KeySell.Application.Sheets;

namespace KeySell.Application.Tests.Sheets;

/// <summary>
/// The limits of a sheet — 2,000,000 bytes, 500 influences, 4,000 characters a text — and its encoding, as the reader
/// holds them in both its passes: the one pass gives up on each, so the walk's message is the one the author reads.
/// </summary>
public sealed class SheetReaderLimitsTests
{
    private const string Minimal = """{"schema":"keysell.strategy-sheet/1","opportunity":{"name":"ERP","account":"Acme"}}""";

    /// <summary>Where a long text goes: every kind of text field the contract has.</summary>
    private static readonly string[] TextPlaces =
    [
        "opportunity.name", "opportunity.account", "objective.product", "influence.id", "influence.name", "influence.title",
        "influence.counterpart", "influence.wins", "influence.results", "strength.text", "objection.text", "redFlag.text",
    ];

    /// <summary>A sheet of <paramref name="influences"/> plain influences with a text of <paramref name="length"/> at <paramref name="place"/>.</summary>
    private static string Sheet(int influences, string place, int length)
    {
        var text = new string('t', length);
        var sheet = JsonNode.Parse(Minimal)!.AsObject();
        var list = new JsonArray();
        for (var i = 0; i < Math.Max(influences, 1); i++) list.Add(new JsonObject { ["id"] = $"p{i}", ["name"] = $"Person {i}" });
        sheet["influences"] = list;
        var first = list[0]!;
        switch (place)
        {
            case "opportunity.name": sheet["opportunity"]!["name"] = text; break;
            case "opportunity.account": sheet["opportunity"]!["account"] = text; break;
            case "objective.product": sheet["opportunity"]!["objective"] = new JsonObject { ["product"] = text }; break;
            case "influence.id": first["id"] = text; break;
            case "influence.name": first["name"] = text; break;
            case "influence.title": first["title"] = text; break;
            case "influence.counterpart": first["counterpart"] = text; break;
            case "influence.wins": first["wins"] = new JsonArray("short", text); break;
            case "influence.results": first["results"] = new JsonArray(text); break;
            case "strength.text": sheet["strengths"] = new JsonArray(new JsonObject { ["text"] = text }); break;
            case "objection.text": sheet["objections"] = new JsonArray(new JsonObject { ["text"] = text }); break;
            case "redFlag.text": sheet["redFlags"] = new JsonArray(new JsonObject { ["text"] = text }); break;
        }
        if (influences == 0 && !place.StartsWith("influence.", StringComparison.Ordinal)) sheet["influences"] = new JsonArray();
        return sheet.ToJsonString();
    }

    public static class Cases
    {
        public static Arbitrary<(int Influences, string Place, int Length)> Sheets() =>
            (from influences in Gen.OneOf(Gen.Choose(0, 40), Gen.Choose(495, 505), Gen.Choose(600, 700))
             from place in Gen.Elements(TextPlaces)
             from length in Gen.OneOf(Gen.Choose(1, 200), Gen.Choose(3_995, 4_005))
             select (influences, place, length)).ToArbitrary();
    }

    [Property(Arbitrary = [typeof(Cases)], MaxTest = 150)]
    public void Read_AnyInfluenceCountAndTextLength_AcceptsExactlyTheSheetsWithinTheLimits((int Influences, string Place, int Length) sheet)
    {
        var json = Sheet(sheet.Influences, sheet.Place, sheet.Length);
        var influences = Math.Max(sheet.Influences, sheet.Place.StartsWith("influence.", StringComparison.Ordinal) ? 1 : 0);
        var within = influences <= 500 && sheet.Length <= 4_000;

        var read = SheetReader.Read(json);
        var fast = SheetReader.TryReadInOnePass(json);

        read.Succeeded.ShouldBe(within, string.Join("; ", read.Problems.Select(p => $"{p.Path}: {p.Message}")));
        (fast is not null).ShouldBe(within);
        if (read.Sheet is { } accepted)
        {
            accepted.Influences.Count.ShouldBeLessThanOrEqualTo(500);
            Texts(accepted).ShouldAllBe(text => text.Length <= 4_000);
        }
        else
        {
            read.Problems.ShouldContain(p => p.Message.Contains(influences > 500 ? "500" : "4,000"));
        }
    }

    private static IEnumerable<string> Texts(Domain.Sheets.StrategySheet sheet)
    {
        var o = sheet.Opportunity;
        IEnumerable<string?> all = [o.Name, o.Account, o.Objective.Product, o.Objective.Currency,
            .. sheet.Influences.SelectMany(i => new[] { i.Id, i.Name, i.Title, i.Counterpart }.Concat(i.Wins).Concat(i.Results)),
            .. sheet.Strengths.Select(s => s.Text), .. sheet.Objections.SelectMany(x => new[] { x.Text, x.From }),
            .. sheet.RedFlags.SelectMany(f => new[] { f.Text, f.Influence })];
        return all.OfType<string>();
    }

    [Fact]
    public void Read_501Influences_OneProblemAtInfluencesNamingTheLimit()
    {
        var read = SheetReader.Read(Sheet(501, "opportunity.name", 3));

        read.Problems.ShouldHaveSingleItem().Path.ShouldBe("$.influences");
        read.Problems[0].Message.ShouldBe("A sheet may list at most 500 influences (the limit); this one lists 501.");
    }

    [Fact]
    public void Read_TextOf4001Characters_ProblemAtItsPathNamingTheLimit()
    {
        var read = SheetReader.Read(Sheet(3, "influence.wins", 4_001));

        read.Problems.ShouldHaveSingleItem().Path.ShouldBe("$.influences[0].wins[1]");
        read.Problems[0].Message.ShouldBe("At most 4,000 characters (the limit); this text has 4,001.");
    }

    [Theory]
    [InlineData(2_000_000, true)]
    [InlineData(2_000_001, false)]
    public void Read_BytesAroundTheSizeLimit_AcceptedUpToTwoMillion(int size, bool accepted)
    {
        var bytes = Encoding.UTF8.GetBytes(Minimal + new string(' ', size - Minimal.Length));

        var read = SheetReader.Read(bytes.AsMemory());

        read.Succeeded.ShouldBe(accepted);
        if (!accepted) read.Problems.ShouldHaveSingleItem().ShouldBe(new SheetProblem("", "The sheet is larger than 2,000,000 bytes (the limit)."));
    }

    [Fact]
    public void Read_TextOfMoreThanTwoMillionCharacters_IsTooLargeWithoutBeingParsed()
    {
        var read = SheetReader.Read(Minimal + new string(' ', 2_000_000));

        read.Problems.ShouldHaveSingleItem().Path.ShouldBe("");
    }

    [Fact]
    public void Read_ByteOrderMarkFirst_IsSkippedAndCountedInOffsets()
    {
        var sheet = Encoding.UTF8.GetBytes(Minimal);
        var withMark = new byte[] { 0xEF, 0xBB, 0xBF }.Concat(sheet).ToArray();
        var broken = withMark.Take(10).Append((byte)0xFE).Concat(withMark.Skip(10)).ToArray();

        SheetReader.Read(withMark.AsMemory()).Succeeded.ShouldBeTrue();
        SheetReader.Read(broken.AsMemory()).Problems.ShouldHaveSingleItem().Message.ShouldBe("Invalid UTF-8 at byte 10 (counting from 0).");
    }

    /// <summary>A byte that can never be UTF-8, or a sequence that looks like it but is not (cut short, overlong, a surrogate, past U+10FFFF).</summary>
    private static readonly byte[][] Invalid = [[0xFF], [0xC0, 0xAF], [0xE6, 0x97], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0x80]];

    /// <summary>Invalid UTF-8 put between two characters anywhere in a full sheet: never accepted, and reported at that byte.</summary>
    [Property(MaxTest = 300)]
    public void Read_InvalidUtf8AnywhereBetweenCharacters_ReportsItsOffset(PositiveInt position, byte which)
    {
        var bytes = Encoding.UTF8.GetBytes(SheetReaderTests.FullSheet);
        var at = position.Get % bytes.Length;
        while ((bytes[at] & 0xC0) == 0x80) at--;   // back to the start of the character it fell inside
        var bad = Invalid[which % Invalid.Length];
        var broken = bytes[..at].Concat(bad).Concat(bytes[at..]).ToArray();

        var read = SheetReader.Read(broken.AsMemory());

        SheetReader.TryReadInOnePass(broken).ShouldBeNull();
        read.Problems.ShouldHaveSingleItem().ShouldBe(new SheetProblem("", $"Invalid UTF-8 at byte {at} (counting from 0)."));
    }
}
