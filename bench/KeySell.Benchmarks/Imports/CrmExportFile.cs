using System.Globalization;
using System.Text;

namespace KeySell.Benchmarks.Imports;

/// <summary>
/// Writes a Salesforce-style data export of any size, deterministic, for timing <c>keysell import</c>
/// (docs/performance.md, "CRM import"): Account.csv with every tenth account in a group, Contact.csv
/// with a reports-to chain per account, Opportunity.csv across the stages. Accounts ids are A0000001…,
/// so the three files fit together when made with the same row counts.
/// </summary>
public static class CrmExportFile
{
    private static readonly string[] Industries = ["Steel", "Automotive", "Logistics", "Retail", "Energy", "制造业", "金融"];
    private static readonly string[] Regions = ["Shanghai", "Jiangsu", "Zhejiang", "Guangdong", "北京", "四川"];
    private static readonly string[] Stages = ["Prospecting", "Qualification", "Needs Analysis", "Proposal/Price Quote", "Negotiation/Review", "Closed Won", "Closed Lost"];
    private static readonly string[] Titles = ["CIO", "CFO", "采购经理", "IT Director", "厂长", "Engineer"];

    public static int Run(string kind, long rows, string path, long accounts)
    {
        using var writer = new StreamWriter(path, false, new UTF8Encoding(false), 1 << 20);
        var invariant = CultureInfo.InvariantCulture;
        switch (kind)
        {
            case "accounts":
                writer.WriteLine("Id,Name,ParentId,Industry,NumberOfEmployees,BillingState,OwnerId,CreatedDate");
                for (long i = 1; i <= rows; i++)
                {
                    var parent = i % 10 == 0 ? $"A{i - 9:D7}" : "";
                    writer.WriteLine($"A{i:D7},Company {i} 公司,{parent},{Industries[i % Industries.Length]},{i % 5000},{Regions[i % Regions.Length]},005X,2024-01-01");
                }
                break;
            case "contacts":
                writer.WriteLine("Id,AccountId,FirstName,LastName,Title,Department,ReportsToId,Email,Phone,OwnerId");
                for (long i = 1; i <= rows; i++)
                {
                    var account = (i - 1) / 10 % accounts + 1;
                    var manager = (i - 1) % 10 == 0 ? "" : $"C{i - 1:D7}";
                    writer.WriteLine($"C{i:D7},A{account:D7},Wei {i},Li,{Titles[i % Titles.Length]},Dept {i % 4},{manager},li.wei{i}@example.cn,+86 21 5555 {i % 10000:D4},005X");
                }
                break;
            case "opportunities":
                writer.WriteLine("Id,AccountId,Name,StageName,Amount,CloseDate,CurrencyIsoCode,OwnerId");
                for (long i = 1; i <= rows; i++)
                {
                    var account = (i - 1) % accounts + 1;
                    var close = new DateOnly(2026, 1, 1).AddDays((int)(i % 700)).ToString("yyyy-MM-dd", invariant);
                    writer.WriteLine($"O{i:D7},A{account:D7},Deal {i} 项目,{Stages[i % Stages.Length]},{(i % 997) * 1000.5m},{close},CNY,005X");
                }
                break;
            default:
                Console.Error.WriteLine("kind: accounts, contacts or opportunities");
                return 2;
        }
        return 0;
    }
}
