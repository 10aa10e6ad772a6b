using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using KeySell.Application.RedFlags;
using KeySell.Domain.Sheets;

namespace KeySell.Application.Tests.RedFlags;

/// <summary>
/// The CLI writes analyses with <see cref="AnalysisWriter"/>, the API by serialising <see cref="AnalysisDocument"/>:
/// both must give the contract's output, byte for byte.
/// </summary>
public sealed class AnalysisWriterTests
{
    public static TheoryData<string, bool> Languages => new()
    {
        { "en", false }, { "en", true }, { "zh-CN", false }, { "zh-CN", true },
    };

    [Theory]
    [MemberData(nameof(Languages))]
    public void Write_EveryRedFlag_GivesTheBytesOfTheSerialisedDocument(string language, bool indented)
    {
        var words = RedFlagWords.For(language);
        var writer = new AnalysisWriter(words);

        foreach (var analysis in AnalysisExamples.CoveringEveryFlag())
        {
            Written(writer, analysis, indented).ShouldBe(Serialised(AnalysisDocument.From(analysis, words), indented));
        }
    }

    [Fact]
    public void WriteCompact_ReceptiveInfluenceAndTextToEscape_GivesTheBytesOfTheSerialisedDocument()
    {
        var sheet = AnalysisExamples.EveryFlag().Sheet;
        var calm = StrategyAnalyzer.Default.Analyze(
            sheet with { Opportunity = sheet.Opportunity with { Name = "ERP \"phase 2\"\t<东区>" }, Influences = [AnalysisExamples.Person("wang\\1", "Wang \"Fang\" <CIO>")] },
            AnalysisExamples.AsOf);

        Written(new AnalysisWriter(RedFlagWords.English), calm, indented: false)
            .ShouldBe(Serialised(AnalysisDocument.From(calm, RedFlagWords.English), indented: false));
        calm.Receptive.ShouldNotBeEmpty();
    }

    [Fact]
    public void WriteCompact_SameWriterTwice_WritesTheSecondAnalysisOnItsOwn()
    {
        var writer = new AnalysisWriter(RedFlagWords.Chinese);
        var (first, second) = (AnalysisExamples.CoveringEveryFlag()[0], AnalysisExamples.CoveringEveryFlag()[1]);

        _ = Written(writer, first, indented: false);

        Written(writer, second, indented: false).ShouldBe(Serialised(AnalysisDocument.From(second, RedFlagWords.Chinese), indented: false));
    }

    private static string Written(AnalysisWriter writer, SheetAnalysis analysis, bool indented)
    {
        if (indented) return writer.WriteIndented(analysis);
        var buffer = new ArrayBufferWriter<byte>();
        writer.WriteCompact(buffer, analysis);
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static string Serialised(AnalysisDocument document, bool indented) =>
        JsonSerializer.Serialize(document, new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            WriteIndented = indented,
        });
}
