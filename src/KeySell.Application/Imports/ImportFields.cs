using System.Globalization;
using System.Text;
using KeySell.Domain.Imports;

namespace KeySell.Application.Imports;

/// <summary>
/// The KeySell fields a CRM export can fill, per kind of file, and the column names the usual CRMs
/// (Salesforce data export and reports, HubSpot, Dynamics 365) and people (English, 简体中文) give them.
/// A column whose name is known maps itself; a Salesforce data export (API names) needs no mapping at all.
/// </summary>
public static class ImportFields
{
    // Field ids, as a mapping file and the API spell them.
    public const string ExternalId = "externalId";
    public const string Name = "name";
    public const string ParentExternalId = "parentExternalId";
    public const string ParentName = "parentName";
    public const string Industry = "industry";
    public const string Size = "size";
    public const string Region = "region";
    public const string OwnerEmail = "ownerEmail";
    public const string AccountExternalId = "accountExternalId";
    public const string AccountName = "accountName";
    public const string FirstName = "firstName";
    public const string LastName = "lastName";
    public const string Title = "title";
    public const string Department = "department";
    public const string ReportsToExternalId = "reportsToExternalId";
    public const string ReportsToName = "reportsToName";
    public const string Email = "email";
    public const string Phone = "phone";
    public const string Amount = "amount";
    public const string Currency = "currency";
    public const string CloseDate = "closeDate";
    public const string Stage = "stage";
    public const string Product = "product";
    public const string Quantity = "quantity";

    /// <summary>The fields of each kind, in the order a mapping screen lists them.</summary>
    public static IReadOnlyList<string> For(ImportKind kind) => kind switch
    {
        ImportKind.Accounts => [ExternalId, Name, ParentExternalId, ParentName, Industry, Size, Region, OwnerEmail],
        ImportKind.Contacts => [ExternalId, AccountExternalId, AccountName, Name, FirstName, LastName, Title, Department,
            ReportsToExternalId, ReportsToName, Email, Phone],
        ImportKind.Opportunities => [ExternalId, Name, AccountExternalId, AccountName, Amount, Currency, CloseDate, Stage,
            Product, Quantity, OwnerEmail],
        _ => [],
    };

    /// <summary>What a row must have: a name (or first/last name for a person) and its account.</summary>
    public static bool IsKnown(ImportKind kind, string field) => For(kind).Contains(field);

    // Column names as the CRMs and people write them, normalised (see Normalise): lower case, no
    // spaces, underscores, dashes or brackets. Kind-specific names come first so "Name" in a
    // contact file is the person's name, in an opportunity file the deal's.
    private static readonly Dictionary<string, string> Common = Names(
        (ExternalId, ["id", "recordid", "externalid", "crmid", "外部id", "编号", "记录id"]),
        (OwnerEmail, ["owneremail", "owner email", "负责人邮箱", "所有人邮箱"]),
        (AccountExternalId, ["accountid", "companyid", "associatedcompanyid", "客户id", "公司id"]),
        (AccountName, ["accountname", "account", "company", "companyname", "associatedcompany", "customer", "customername",
            "客户名称", "公司名称", "客户", "公司", "所属客户"]));

    private static readonly Dictionary<ImportKind, Dictionary<string, string>> ByKind = new()
    {
        [ImportKind.Accounts] = Names(
            (ExternalId, ["accountid", "companyid", "recordid", "客户id", "公司id"]),
            (Name, ["name", "accountname", "companyname", "company", "客户名称", "公司名称", "名称", "客户"]),
            (ParentExternalId, ["parentid", "parentaccountid", "parentcompanyid", "上级客户id", "母公司id"]),
            (ParentName, ["parentaccount", "parentaccountname", "parentcompany", "parentcompanyname", "上级客户", "母公司", "所属集团", "集团"]),
            (Industry, ["industry", "行业"]),
            (Size, ["size", "numberofemployees", "employees", "companysize", "规模", "员工人数"]),
            (Region, ["region", "billingstate", "billingcountry", "stateregion", "state", "country", "countryregion", "province", "地区", "区域", "省份"])),
        [ImportKind.Contacts] = Names(
            (ExternalId, ["contactid", "客户联系人id", "联系人id"]),
            (Name, ["name", "fullname", "contactname", "contact", "姓名", "联系人", "联系人姓名"]),
            (FirstName, ["firstname", "givenname", "名"]),
            (LastName, ["lastname", "surname", "familyname", "姓"]),
            (Title, ["title", "jobtitle", "position", "职位", "职务", "头衔"]),
            (Department, ["department", "部门"]),
            (ReportsToExternalId, ["reportstoid", "managerid", "parentcustomerid", "上级id"]),
            (ReportsToName, ["reportsto", "reportstoname", "manager", "managername", "上级", "汇报对象", "直属上级"]),
            (Email, ["email", "emailaddress", "emailaddress1", "邮箱", "电子邮件", "邮件"]),
            (Phone, ["phone", "phonenumber", "mobile", "mobilephone", "businessphone", "telephone1", "电话", "手机", "联系电话"])),
        [ImportKind.Opportunities] = Names(
            (ExternalId, ["opportunityid", "dealid", "商机id"]),
            (Name, ["name", "opportunityname", "dealname", "topic", "商机名称", "机会名称", "项目名称", "名称"]),
            (Amount, ["amount", "dealamount", "estimatedrevenue", "estimatedvalue", "value", "金额", "预计金额", "商机金额"]),
            (Currency, ["currencyisocode", "currency", "dealcurrencycode", "transactioncurrencyid", "币种", "货币"]),
            (CloseDate, ["closedate", "estimatedclosedate", "estimatedclose", "estclosedate", "预计成交日期", "成交日期", "预计签约日期"]),
            (Stage, ["stagename", "stage", "dealstage", "salesstage", "pipelinephase", "阶段", "销售阶段", "商机阶段"]),
            (Product, ["product", "productname", "产品", "产品名称"]),
            (Quantity, ["quantity", "totalopportunityquantity", "数量"])),
    };

    private static Dictionary<string, string> Names(params (string Field, string[] Names)[] fields)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (field, names) in fields)
            foreach (var name in names) map.TryAdd(Normalise(name), field);
        return map;
    }

    /// <summary>
    /// The field a column of this name fills, or null when KeySell has no counterpart. The first
    /// column naming a field takes it; a later one with the same meaning is ignored (and listed).
    /// </summary>
    public static IReadOnlyDictionary<string, string> Suggest(ImportKind kind, IReadOnlyList<string> columns)
    {
        var mapping = new Dictionary<string, string>(StringComparer.Ordinal);
        var taken = new HashSet<string>();
        foreach (var column in columns)
        {
            var key = Normalise(column);
            var field = ByKind[kind].GetValueOrDefault(key) ?? Common.GetValueOrDefault(key);
            if (field is null || !IsKnown(kind, field) || !taken.Add(field)) continue;
            mapping[column] = field;
        }
        return mapping;
    }

    /// <summary>
    /// The CRM an export comes from, told by the columns it always has; ids from different CRMs never
    /// meet because the external id is unique per source.
    /// </summary>
    public static string DetectSource(IReadOnlyList<string> columns)
    {
        var names = columns.Select(Normalise).ToHashSet();
        if (names.Contains("recordid") || names.Contains("hubspotownerid") || names.Contains("associatedcompanyid")) return "hubspot";
        if (columns.Any(c => c.StartsWith("(Do Not Modify)", StringComparison.OrdinalIgnoreCase))
            || names.Contains("statecode") || names.Contains("emailaddress1") || names.Contains("estimatedvalue")) return "dynamics";
        if (names.Contains("id") && (names.Contains("ownerid") || names.Contains("createddate") || names.Contains("isdeleted")
            || names.Contains("stagename") || names.Contains("reportstoid") || names.Contains("currencyisocode"))) return "salesforce";
        return "file";
    }

    /// <summary>Lower case, with spaces, underscores, dashes, dots and brackets dropped: "Account Name" = "account_name" = "AccountName".</summary>
    public static string Normalise(string column)
    {
        var text = column.Trim();
        if (text.StartsWith("(Do Not Modify)", StringComparison.OrdinalIgnoreCase)) text = text["(Do Not Modify)".Length..];
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c) || c is '_' or '-' or '.' or '(' or ')' or '（' or '）' or '\uFEFF') continue;
            builder.Append(char.ToLower(c, CultureInfo.InvariantCulture));
        }
        return builder.ToString();
    }
}
