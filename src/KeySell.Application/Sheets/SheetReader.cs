using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using KeySell.Application.Common;
using KeySell.Application.Resources;
using KeySell.Domain.BuyingInfluences;
using KeySell.Domain.Common;
using KeySell.Domain.Objections;
using KeySell.Domain.Opportunities;
using KeySell.Domain.OrgCharts;
using KeySell.Domain.RedFlags;
using KeySell.Domain.Sheets;

namespace KeySell.Application.Sheets;

/// <summary>
/// One thing wrong with a sheet, at a JSON path such as <c>$.influences[1].support</c>; the empty path means the input as
/// a whole (too large, not UTF-8).
/// </summary>
public sealed record SheetProblem(string Path, string Message);

/// <summary>Either the sheet, or every problem found in it (never both).</summary>
public sealed record SheetReadResult(StrategySheet? Sheet, IReadOnlyList<SheetProblem> Problems)
{
    public bool Succeeded => Sheet is not null;
}

/// <summary>
/// Reads the strategy-sheet JSON of the contract strictly: unknown fields, wrong types and values
/// outside the method's vocabulary are problems, never silently dropped data. All problems are
/// collected in one pass so the author can fix the whole sheet at once.
/// </summary>
public static partial class SheetReader
{
    public const string SchemaVersion1 = "keysell.strategy-sheet/1";
    public const string SchemaVersion2 = "keysell.strategy-sheet/2";

    /// <summary>What writers write: the newest version. Readers accept every version.</summary>
    public const string Schema = SchemaVersion2;

    private const decimal IdealScoreMin = -5;
    private const decimal IdealScoreMax = 5;

    private static readonly JsonDocumentOptions Strict = new()
    {
        AllowTrailingCommas = false,
        CommentHandling = JsonCommentHandling.Disallow,
    };

    /// <summary>A sheet given as text (tests, the round trip after a save).</summary>
    public static SheetReadResult Read(string json)
    {
        // Every character is at least one UTF-8 byte: text longer than the limit is too large without encoding it.
        if (json.Length > InputLimits.SheetBytes) return TooLarge();
        var rented = ArrayPool<byte>.Shared.Rent(StrictUtf8.GetMaxByteCount(json.Length));
        try
        {
            int length;
            try
            {
                length = StrictUtf8.GetBytes(json, rented);
            }
            catch (ArgumentException)
            {
                // Text handed over in memory can hold half a surrogate pair, which no UTF-8 document can.
                return new SheetReadResult(null, [new SheetProblem("$", Messages.Format("Sheet.NotText"))]);
            }
            return Read(rented.AsMemory(0, length));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    /// <summary>
    /// A sheet as UTF-8 bytes (a file, a JSON Lines line, a request body). The limits of <see cref="InputLimits"/> and
    /// the encoding are checked here, so the API and the CLI cannot differ on them. A leading byte-order mark is skipped.
    /// </summary>
    public static SheetReadResult Read(ReadOnlyMemory<byte> utf8)
    {
        if (utf8.Length > InputLimits.SheetBytes) return TooLarge();
        var bom = utf8.Span.StartsWith(Utf8Bom) ? Utf8Bom.Length : 0;
        utf8 = utf8[bom..];
        if (TryReadInOnePass(utf8.Span) is { } sheet) return new SheetReadResult(sheet, []);
        // Checked only when the one pass gave up: it turns every string it keeps into text strictly and matches
        // everything else against ASCII, so a sheet it accepts is valid UTF-8.
        var invalid = Utf8Bytes.FirstInvalid(utf8.Span);
        if (invalid >= 0) return new SheetReadResult(null, [new SheetProblem("", Messages.Format("Sheet.NotUtf8", invalid + bom))]);
        try
        {
            using var document = JsonDocument.Parse(utf8, Strict);
            return Read(document.RootElement);
        }
        catch (JsonException e)
        {
            return NotJson(e);
        }
    }

    /// <summary>
    /// Reads at most one byte more than the limit, so an oversize stream costs 2 MB of memory and no more;
    /// a <paramref name="declaredLength"/> (a file's size, a Content-Length) over the limit is refused without reading.
    /// </summary>
    public static async Task<SheetReadResult> ReadAsync(Stream utf8Json, long? declaredLength, CancellationToken cancellationToken)
    {
        if (declaredLength > InputLimits.SheetBytes) return TooLarge();
        var read = await BoundedRead.ReadAsync(utf8Json, InputLimits.SheetBytes, declaredLength, cancellationToken);
        return read is { } bytes ? Read(bytes) : TooLarge();
    }

    /// <summary>For request bodies, which must not be read synchronously.</summary>
    public static Task<SheetReadResult> ReadAsync(Stream utf8Json, CancellationToken cancellationToken) =>
        ReadAsync(utf8Json, declaredLength: null, cancellationToken);

    public static SheetReadResult Read(Stream utf8Json) => ReadAsync(utf8Json, CancellationToken.None).GetAwaiter().GetResult();

    /// <summary>
    /// A problem with the input as a whole (its size, its encoding) has the empty path: it is about the bytes, before
    /// any place in the JSON applies.
    /// </summary>
    private static SheetReadResult TooLarge() => new(null, [TooLargeProblem()]);

    /// <summary>What the reader says of a sheet over <see cref="InputLimits.SheetBytes"/>, for callers that refuse one before it reaches the reader.</summary>
    public static SheetProblem TooLargeProblem() => new("", Messages.Format("Sheet.TooLarge", InputLimits.SheetBytes));

    private static ReadOnlySpan<byte> Utf8Bom => [0xEF, 0xBB, 0xBF];

    public static SheetReadResult Read(JsonElement root)
    {
        var walk = new Walk();
        var sheet = walk.Sheet(root);
        return walk.Problems.Count == 0 && sheet is not null
            ? new SheetReadResult(sheet, [])
            : new SheetReadResult(null, walk.Problems);
    }

    private static SheetReadResult NotJson(JsonException e)
    {
        var line = (e.LineNumber ?? 0) + 1;
        var position = (e.BytePositionInLine ?? 0) + 1;
        var reason = e.Message;
        var cut = reason.IndexOf(" Path: ", StringComparison.Ordinal);
        if (cut > 0) reason = reason[..cut];
        return new SheetReadResult(null, [new SheetProblem("$", Messages.Format("Sheet.NotJson", line, position, reason))]);
    }

    private static readonly FieldNames SheetFields = new("schema", "asOf", "opportunity", "influences", "strengths", "objections", "redFlags");
    private static readonly FieldNames OpportunityFields = new("name", "account", "idealCustomerScore", "objective", "engagement", "funnelLevel", "expectedOutcome");
    private static readonly FieldNames ObjectiveFields = new("product", "quantity", "amount", "currency", "closeDate");
    private static readonly FieldNames InfluenceFields = new(
        "id", "name", "title", "roles", "influence", "support", "contact", "mode", "counterpart", "status", "since",
        "lastContact", "wins", "results");
    private static readonly FieldNames StrengthFields = new("text", "addresses");
    private static readonly FieldNames ObjectionFields = new("from", "text", "status");
    private static readonly FieldNames RedFlagFields = new("text", "influence");

    // Version 2 adds members to three objects and six lists at the top; a version-1 sheet keeps the version-1 lists, so
    // a version-2 field in it is an unknown field as it always was.
    private static readonly FieldNames SheetFieldsV2 = new([.. SheetFields.Names, "milestones", "calls", "actions", "needs", "swot", "influenceLines"]);
    private static readonly FieldNames OpportunityFieldsV2 = new([.. OpportunityFields.Names, "createdOn"]);
    private static readonly FieldNames InfluenceFieldsV2 = new([.. InfluenceFields.Names, "seniority"]);
    private static readonly FieldNames ObjectionFieldsV2 = new([.. ObjectionFields.Names, "steps", "answer"]);

    /// <summary>The members one kind of object in the sheet may have, as text for the walk and as UTF-8 for the one pass.</summary>
    private sealed class FieldNames(params string[] names)
    {
        private readonly byte[][] _utf8 = [.. names.Select(Encoding.UTF8.GetBytes)];

        public string[] Names { get; } = names;

        /// <summary>The position of the member named by these UTF-8 bytes, or −1 for a member this object may not have.</summary>
        public int IndexOf(ReadOnlySpan<byte> utf8Name)
        {
            for (var i = 0; i < _utf8.Length; i++)
            {
                if (utf8Name.SequenceEqual(_utf8[i])) return i;
            }
            return -1;
        }
    }

    /// <summary>One reading of one document; problems accumulate as the walk goes.</summary>
    private sealed partial class Walk
    {
        public List<SheetProblem> Problems { get; } = [];

        /// <summary>Set when some influence's id could not be read: a reference to it would be a false alarm.</summary>
        private bool _idsUnknown;

        private void Problem(string path, string message) => Problems.Add(new SheetProblem(path, message));

        public StrategySheet? Sheet(JsonElement root)
        {
            if (!IsObject(root, "$")) return null;
            _version = VersionOf(root);
            var fields = Fields(root, "$", _version == 1 ? SheetFields : SheetFieldsV2);

            var schema = String(fields, "$", "schema", required: true);
            if (schema is not null && schema != SchemaVersion1 && schema != SchemaVersion2)
                Problem("$.schema", Messages.Format("Sheet.SchemaVersions", SchemaVersion1, SchemaVersion2, schema));
            var asOf = Date(fields, "$", "asOf");

            SheetOpportunity? opportunity = null;
            if (!fields.TryGetValue("opportunity", out var opportunityElement)) Problem("$.opportunity", Messages.Format("Required"));
            else opportunity = Opportunity(opportunityElement, "$.opportunity");

            var influences = List(fields, "$", "influences", Influence);
            if (fields.TryGetValue("influences", out var list) && list.ValueKind != JsonValueKind.Array) _idsUnknown = true;
            if (list.ValueKind == JsonValueKind.Array && list.GetArrayLength() is var count and > InputLimits.SheetInfluences)
                Problem("$.influences", Messages.Format("Sheet.TooManyInfluences", InputLimits.SheetInfluences, count));
            var strengths = List(fields, "$", "strengths", Strength);
            var objections = List(fields, "$", "objections", Objection);
            var redFlags = List(fields, "$", "redFlags", RedFlag);

            CheckReferences(influences, objections, redFlags);
            var toolkit = _version == 1 ? null : Toolkit(fields, influences);
            if (opportunity is null) return null;
            var sheet = new StrategySheet(asOf, opportunity,
                influences.Select(i => i.Value).ToList(), strengths.Select(s => s.Value).ToList(),
                objections.Select(o => o.Value).ToList(), redFlags.Select(f => f.Value).ToList());
            return toolkit is null ? sheet : toolkit(sheet);
        }

        private void CheckReferences(
            List<(string Path, SheetInfluence Value)> influences,
            List<(string Path, SheetObjection Value)> objections,
            List<(string Path, SheetRedFlag Value)> redFlags)
        {
            var ids = new HashSet<string>(StringComparer.Ordinal);
            foreach (var (path, influence) in influences)
            {
                if (influence.Id.Length > 0 && !ids.Add(influence.Id))
                    Problem(path + ".id", Messages.Format("Sheet.DuplicateInfluence", influence.Id));
            }
            if (_idsUnknown) return;
            foreach (var (path, objection) in objections)
            {
                if (objection.From is { } from && !ids.Contains(from)) Problem(path + ".from", Messages.Format("Sheet.NoSuchInfluence", from));
            }
            foreach (var (path, flag) in redFlags)
            {
                if (flag.Influence is { } key && !ids.Contains(key)) Problem(path + ".influence", Messages.Format("Sheet.NoSuchInfluence", key));
            }
        }

        private SheetOpportunity? Opportunity(JsonElement element, string path)
        {
            if (!IsObject(element, path)) return null;
            var fields = Fields(element, path, _version == 1 ? OpportunityFields : OpportunityFieldsV2);
            var name = String(fields, path, "name", required: true);
            var account = String(fields, path, "account", required: true);
            var score = Number(fields, path, "idealCustomerScore");
            if (score is < IdealScoreMin or > IdealScoreMax)
                Problem(path + ".idealCustomerScore", Messages.Format("OutOfRange", IdealScoreMin, IdealScoreMax));

            var objective = SheetObjective.Empty;
            if (fields.TryGetValue("objective", out var objectiveElement) && objectiveElement.ValueKind != JsonValueKind.Null)
                objective = Objective(objectiveElement, path + ".objective") ?? SheetObjective.Empty;

            var engagement = Enum<Engagement>(fields, path, "engagement", nullable: true);
            var funnelLevel = Enum<FunnelLevel>(fields, path, "funnelLevel", nullable: false) ?? FunnelLevel.Above;
            var outcome = Enum<ExpectedOutcome>(fields, path, "expectedOutcome", nullable: true);
            var createdOn = Date(fields, path, "createdOn");
            return new SheetOpportunity(name ?? "", account ?? "", score, objective, engagement, funnelLevel, outcome) { CreatedOn = createdOn };
        }

        private SheetObjective? Objective(JsonElement element, string path)
        {
            if (!IsObject(element, path)) return null;
            var fields = Fields(element, path, ObjectiveFields);
            var product = String(fields, path, "product", required: false);
            var quantity = Number(fields, path, "quantity");
            if (quantity is < 0) Problem(path + ".quantity", Messages.Format("Negative"));
            var amount = Number(fields, path, "amount");
            if (amount is < 0) Problem(path + ".amount", Messages.Format("Negative"));
            var currency = String(fields, path, "currency", required: false);
            if (currency is not null && !Validation.Currencies.IsValid(currency)) Problem(path + ".currency", Messages.Format("Currency", currency));
            var closeDate = Date(fields, path, "closeDate");
            return new SheetObjective(product, quantity, amount, currency, closeDate);
        }

        private SheetInfluence? Influence(JsonElement element, string path)
        {
            if (!IsObject(element, path))
            {
                _idsUnknown = true;
                return null;
            }
            var fields = Fields(element, path, _version == 1 ? InfluenceFields : InfluenceFieldsV2);
            var id = String(fields, path, "id", required: true);
            if (id is null) _idsUnknown = true;
            var name = String(fields, path, "name", required: true);
            var title = String(fields, path, "title", required: false);

            var roles = BuyingRoles.None;
            foreach (var (rolePath, roleId) in Strings(fields, path, "roles"))
            {
                if (MethodIds.TryParse<BuyingRoles>(roleId, out var role)) roles |= role;
                else Problem(rolePath, Messages.Format("UnknownValue", roleId, string.Join(", ", MethodIds.AllIds<BuyingRoles>())));
            }

            var influence = Enum<InfluenceLevel>(fields, path, "influence", nullable: false) ?? InfluenceLevel.Unknown;
            var support = Integer(fields, path, "support");
            if (support is not null && !Support.IsValid(support)) Problem(path + ".support", Messages.Format("OutOfRange", Support.Min, Support.Max));
            var contact = Enum<ContactLevel>(fields, path, "contact", nullable: false) ?? ContactLevel.Unknown;
            var mode = Enum<ResponseMode>(fields, path, "mode", nullable: false) ?? ResponseMode.Unknown;
            var counterpart = String(fields, path, "counterpart", required: false);
            var status = Enum<PersonStatus>(fields, path, "status", nullable: false) ?? PersonStatus.Active;
            var since = Date(fields, path, "since");
            var lastContact = Date(fields, path, "lastContact");
            var wins = Strings(fields, path, "wins").Select(w => w.Value).ToList();
            var results = Strings(fields, path, "results").Select(r => r.Value).ToList();
            // Kept even when id or name is missing, so a reference to it is not reported a second time.
            var seniority = Enum<Seniority>(fields, path, "seniority", nullable: false) ?? Seniority.Unknown;
            return new SheetInfluence(id ?? "", name ?? "", title, roles, influence, support, contact, mode, counterpart, status, since, lastContact, wins, results)
            {
                Seniority = seniority,
            };
        }

        private SheetStrength? Strength(JsonElement element, string path)
        {
            if (!IsObject(element, path)) return null;
            var fields = Fields(element, path, StrengthFields);
            var text = String(fields, path, "text", required: true);
            var addresses = RedFlagIdList(fields, path);
            return text is null ? null : new SheetStrength(text, addresses);
        }

        private SheetObjection? Objection(JsonElement element, string path)
        {
            if (!IsObject(element, path)) return null;
            var fields = Fields(element, path, _version == 1 ? ObjectionFields : ObjectionFieldsV2);
            var from = String(fields, path, "from", required: false);
            var text = String(fields, path, "text", required: true);
            var status = Enum<ObjectionStatus>(fields, path, "status", nullable: false) ?? ObjectionStatus.Open;
            var steps = EnumSet<ObjectionStep>(fields, path, "steps");
            var answer = Enum<ObjectionAnswer>(fields, path, "answer", nullable: true);
            return text is null ? null : new SheetObjection(from, text, status) { Steps = steps, Answer = answer };
        }

        private SheetRedFlag? RedFlag(JsonElement element, string path)
        {
            if (!IsObject(element, path)) return null;
            var fields = Fields(element, path, RedFlagFields);
            var text = String(fields, path, "text", required: true);
            var influence = String(fields, path, "influence", required: false);
            return text is null ? null : new SheetRedFlag(text, influence);
        }

        // ---- shapes ----

        private bool IsObject(JsonElement element, string path)
        {
            if (element.ValueKind == JsonValueKind.Object) return true;
            WrongType(path, "object", element);
            return false;
        }

        /// <summary>The object's members by name; unknown and repeated members are problems.</summary>
        private Dictionary<string, JsonElement> Fields(JsonElement element, string path, FieldNames fieldNames)
        {
            var allowed = fieldNames.Names;
            var fields = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
            foreach (var property in element.EnumerateObject())
            {
                var at = Child(path, property.Name);
                if (!allowed.Contains(property.Name, StringComparer.Ordinal))
                    Problem(at, Messages.Format("Sheet.UnknownField", property.Name, string.Join(", ", allowed)));
                else if (!fields.TryAdd(property.Name, property.Value))
                    Problem(at, Messages.Format("Sheet.DuplicateField", property.Name));
            }
            return fields;
        }

        private List<(string Path, T Value)> List<T>(Dictionary<string, JsonElement> fields, string path, string name, Func<JsonElement, string, T?> item)
            where T : class
        {
            var items = new List<(string, T)>();
            if (!fields.TryGetValue(name, out var element)) return items;
            var at = Child(path, name);
            if (element.ValueKind != JsonValueKind.Array)
            {
                WrongType(at, "array", element);
                return items;
            }
            var index = 0;
            foreach (var child in element.EnumerateArray())
            {
                var itemPath = $"{at}[{index++}]";
                if (item(child, itemPath) is { } value) items.Add((itemPath, value));
            }
            return items;
        }

        private List<(string Path, string Value)> Strings(Dictionary<string, JsonElement> fields, string path, string name) =>
            List(fields, path, name, (element, at) =>
            {
                if (element.ValueKind != JsonValueKind.String)
                {
                    WrongType(at, "string", element);
                    return null;
                }
                var value = element.GetString()!;
                return IsShortEnough(at, value) ? value : null;
            });

        private string? String(Dictionary<string, JsonElement> fields, string path, string name, bool required)
        {
            var at = Child(path, name);
            if (!fields.TryGetValue(name, out var element) || element.ValueKind == JsonValueKind.Null)
            {
                if (required) Problem(at, Messages.Format("Required"));
                return null;
            }
            if (element.ValueKind != JsonValueKind.String)
            {
                WrongType(at, "string", element);
                return null;
            }
            var value = element.GetString()!;
            if (!IsShortEnough(at, value)) return null;
            if (required && string.IsNullOrWhiteSpace(value))
            {
                Problem(at, Messages.Format("Required"));
                return null;
            }
            return value;
        }

        private bool IsShortEnough(string path, string text)
        {
            if (text.Length <= InputLimits.SheetTextLength) return true;
            Problem(path, Messages.Format("TextTooLong", InputLimits.SheetTextLength, text.Length));
            return false;
        }

        private decimal? Number(Dictionary<string, JsonElement> fields, string path, string name)
        {
            if (!fields.TryGetValue(name, out var element) || element.ValueKind == JsonValueKind.Null) return null;
            var at = Child(path, name);
            if (element.ValueKind != JsonValueKind.Number)
            {
                WrongType(at, "number", element);
                return null;
            }
            if (element.TryGetDecimal(out var value)) return value;
            Problem(at, Messages.Format("OutOfRange", decimal.MinValue, decimal.MaxValue));
            return null;
        }

        private int? Integer(Dictionary<string, JsonElement> fields, string path, string name)
        {
            if (!fields.TryGetValue(name, out var element) || element.ValueKind == JsonValueKind.Null) return null;
            var at = Child(path, name);
            if (element.ValueKind != JsonValueKind.Number)
            {
                WrongType(at, "integer", element);
                return null;
            }
            if (element.TryGetInt32(out var whole)) return whole;
            if (element.TryGetDecimal(out var value) && value == decimal.Truncate(value))
            {
                // A whole number too large for an int is still a whole number: report the range, not the type.
                Problem(at, Messages.Format("OutOfRange", Support.Min, Support.Max));
                return null;
            }
            Problem(at, Messages.Format("Sheet.WholeNumber"));
            return null;
        }

        private DateOnly? Date(Dictionary<string, JsonElement> fields, string path, string name)
        {
            if (!fields.TryGetValue(name, out var element) || element.ValueKind == JsonValueKind.Null) return null;
            var at = Child(path, name);
            if (element.ValueKind != JsonValueKind.String)
            {
                WrongType(at, "date", element);
                return null;
            }
            var text = element.GetString()!;
            if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)) return date;
            Problem(at, Messages.Format("Sheet.Date", text));
            return null;
        }

        private T? Enum<T>(Dictionary<string, JsonElement> fields, string path, string name, bool nullable) where T : struct, System.Enum
        {
            if (!fields.TryGetValue(name, out var element)) return null;
            var at = Child(path, name);
            if (element.ValueKind == JsonValueKind.Null && nullable) return null;
            if (element.ValueKind != JsonValueKind.String)
            {
                WrongType(at, "string", element);
                return null;
            }
            var id = element.GetString()!;
            if (MethodIds.TryParse<T>(id, out var value)) return value;
            Problem(at, Messages.Format("UnknownValue", id, string.Join(", ", MethodIds.AllIds<T>())));
            return null;
        }

        private void WrongType(string path, string expected, JsonElement found)
        {
            var kind = found.ValueKind switch
            {
                JsonValueKind.String => "string",
                JsonValueKind.Number => "number",
                JsonValueKind.Array => "array",
                JsonValueKind.Object => "object",
                JsonValueKind.True or JsonValueKind.False => "boolean",
                _ => "null",
            };
            Problem(path, Messages.Format("Sheet.WrongType", Messages.Format("Sheet.Type." + expected), Messages.Format("Sheet.Type." + kind)));
        }

        private static string Child(string path, string name) => path + "." + name;
    }
}
