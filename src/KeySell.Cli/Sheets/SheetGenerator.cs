using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace KeySell.Cli.Sheets;

/// <summary>
/// Writes realistic synthetic strategy sheets in the contract's input format, one per line, for tests and benchmarks.
/// The same seed gives the same bytes: <see cref="Random"/> with a seed is a fixed algorithm, and every sheet is judged
/// as of <see cref="AsOf"/> rather than the day it is generated.
/// </summary>
public sealed class SheetGenerator(int seed)
{
    /// <summary>A fixed day, so dates in the sheets (and therefore new-player and stale) do not drift with the calendar.</summary>
    public static readonly DateOnly AsOf = new(2026, 11, 26);

    private static readonly string[] Accounts =
    [
        "East China Steel Group", "华东钢铁集团", "Pearl River Logistics", "珠江物流有限公司", "Northern Grid Power", "北方电网",
        "Lakeside Pharmaceuticals", "湖畔制药", "Harbour City Bank", "港城银行", "Summit Auto Parts", "峰顶汽车零部件",
    ];

    private static readonly (string Name, string Product)[] Deals =
    [
        ("ERP rollout", "ERP suite"), ("冷轧 MES 升级", "MES"), ("Warehouse automation", "WMS"), ("CRM 替换", "CRM"),
        ("Data platform", "Analytics platform"), ("供应链协同", "SCM suite"), ("Field service mobile", "Service cloud"),
    ];

    private static readonly string[] Names =
    [
        "Li Wei", "王芳", "Zhang Min", "刘洋", "Chen Jing", "赵磊", "Sarah Miller", "James Chen", "孙丽", "Zhou Tao",
        "Emily Wong", "黄强", "Wu Xia", "David Lee", "郑华", "Lin Na", "马超", "Grace Liu", "何静", "Peter Zhang",
    ];

    private static readonly string[] Titles = ["CFO", "CIO", "IT Manager", "采购经理", "Plant Director", "生产部长", "CEO", "Project Lead", "财务总监", "Engineer"];
    private static readonly string[] Roles = ["coach", "user", "technical", "economic"];
    private static readonly string[] Levels = ["high", "medium", "low", "unknown"];
    private static readonly string[] Contacts = ["frequent", "occasional", "none", "unknown"];
    private static readonly string[] Modes = ["growth", "trouble", "even-keel", "overconfident", "unknown"];
    private static readonly string[] Statuses = ["left-company", "moved"];
    private static readonly string[] Engagements = ["before-project", "after-project", "after-tender"];
    private static readonly string[] FunnelLevels = ["universe", "above", "in", "best-few", "won", "lost"];
    private static readonly string[] Outcomes = ["win-win", "win-lose", "lose-win", "lose-lose"];
    private static readonly string[] Wins = ["recognition", "promotion", "less overtime", "在集团内的影响力", "a smooth audit"];
    private static readonly string[] Results = ["month-end close in 3 days", "库存周转提升 20%", "one view of the customer", "fewer line stops"];
    private static readonly string[] FlagIds = ["no-coach", "coach-weak", "no-economic-buyer", "technical-veto", "late-entry", "opponent"];
    private static readonly string[] Strengths = ["Only vendor with a local support centre", "已有同行业成功案例", "Reference visit at a sister plant", "Price fixed for three years"];
    private static readonly string[] ObjectionTexts = ["Price is 20% above budget", "实施周期太长", "Worried about data migration", "需要总部批准"];
    private static readonly string[] Counterparts = ["Our VP Sales", "我方区域总监", "Our solution architect", "我方 CEO"];

    private static readonly JsonWriterOptions Compact = new()
    {
        // Readable Chinese names, as a person would export them.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Indented = false,
    };

    private readonly Random _random = new(seed);
    private int _written;

    /// <summary>Writes the next <paramref name="count"/> sheets, one per line, as UTF-8; calls in a row continue the same sequence.</summary>
    public void Write(Stream output, int count)
    {
        var buffer = new ArrayBufferWriter<byte>(4096);
        using var writer = new Utf8JsonWriter(buffer, Compact);
        for (var i = 0; i < count; i++)
        {
            buffer.ResetWrittenCount();
            writer.Reset(buffer);
            WriteSheet(writer, _written++);
            writer.Flush();
            output.Write(buffer.WrittenSpan);
            output.WriteByte((byte)'\n');
        }
    }

    private T Pick<T>(T[] choices) => choices[_random.Next(choices.Length)];

    private bool Chance(int percent) => _random.Next(100) < percent;

    private string Day(int maxDaysBack) => AsOf.AddDays(-_random.Next(maxDaysBack + 1)).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private void WriteSheet(Utf8JsonWriter w, int index)
    {
        var account = Pick(Accounts);
        var deal = Pick(Deals);
        w.WriteStartObject();
        w.WriteString("schema", "keysell.strategy-sheet/1");
        w.WriteString("asOf", AsOf.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));

        w.WriteStartObject("opportunity");
        w.WriteString("name", $"{deal.Name} #{index + 1}");
        w.WriteString("account", account);
        if (Chance(70)) w.WriteNumber("idealCustomerScore", _random.Next(-10, 11) / 2m);
        else w.WriteNull("idealCustomerScore");
        w.WriteStartObject("objective");
        // Some objectives are still incomplete, as they are early in a real pipeline.
        if (Chance(85)) w.WriteString("product", deal.Product); else w.WriteNull("product");
        w.WriteNumber("quantity", _random.Next(1, 50));
        if (Chance(85)) w.WriteNumber("amount", _random.Next(5, 500) * 10_000); else w.WriteNull("amount");
        w.WriteString("currency", "CNY");
        if (Chance(80)) w.WriteString("closeDate", AsOf.AddDays(_random.Next(10, 365)).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        else w.WriteNull("closeDate");
        w.WriteEndObject();
        if (Chance(80)) w.WriteString("engagement", Pick(Engagements)); else w.WriteNull("engagement");
        w.WriteString("funnelLevel", Pick(FunnelLevels));
        if (Chance(60)) w.WriteString("expectedOutcome", Pick(Outcomes)); else w.WriteNull("expectedOutcome");
        w.WriteEndObject();

        var people = _random.Next(1, 11);
        var ids = new string[people];
        w.WriteStartArray("influences");
        for (var p = 0; p < people; p++)
        {
            var name = Names[(index + p * 7) % Names.Length];
            ids[p] = $"p{p + 1}";
            w.WriteStartObject();
            w.WriteString("id", ids[p]);
            w.WriteString("name", name);
            w.WriteString("title", Pick(Titles));
            w.WriteStartArray("roles");
            foreach (var role in Roles)
            {
                if (Chance(30)) w.WriteStringValue(role);
            }
            w.WriteEndArray();
            w.WriteString("influence", Pick(Levels));
            if (Chance(85)) w.WriteNumber("support", _random.Next(-5, 6)); else w.WriteNull("support");
            w.WriteString("contact", Pick(Contacts));
            w.WriteString("mode", Pick(Modes));
            if (Chance(50)) w.WriteString("counterpart", Pick(Counterparts)); else w.WriteNull("counterpart");
            // One in ten has left or moved, which is what coach-gone is about.
            w.WriteString("status", Chance(10) ? Pick(Statuses) : "active");
            if (Chance(70)) w.WriteString("since", Day(400)); else w.WriteNull("since");
            if (Chance(80)) w.WriteString("lastContact", Day(90)); else w.WriteNull("lastContact");
            w.WriteStartArray("wins");
            if (Chance(50)) w.WriteStringValue(Pick(Wins));
            w.WriteEndArray();
            w.WriteStartArray("results");
            if (Chance(50)) w.WriteStringValue(Pick(Results));
            w.WriteEndArray();
            w.WriteEndObject();
        }
        w.WriteEndArray();

        w.WriteStartArray("strengths");
        for (var s = _random.Next(0, 3); s > 0; s--)
        {
            w.WriteStartObject();
            w.WriteString("text", Pick(Strengths));
            w.WriteStartArray("addresses");
            if (Chance(60)) w.WriteStringValue(Pick(FlagIds));
            w.WriteEndArray();
            w.WriteEndObject();
        }
        w.WriteEndArray();

        w.WriteStartArray("objections");
        for (var o = _random.Next(0, 3); o > 0; o--)
        {
            w.WriteStartObject();
            if (Chance(80)) w.WriteString("from", ids[_random.Next(people)]); else w.WriteNull("from");
            w.WriteString("text", Pick(ObjectionTexts));
            w.WriteString("status", Pick(["open", "deferred", "resolved"]));
            w.WriteEndObject();
        }
        w.WriteEndArray();

        w.WriteStartArray("redFlags");
        if (Chance(15))
        {
            w.WriteStartObject();
            w.WriteString("text", "Rumoured reorganisation in IT");
            if (Chance(50)) w.WriteString("influence", ids[0]); else w.WriteNull("influence");
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
    }
}
