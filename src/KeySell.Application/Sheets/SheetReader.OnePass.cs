using System.Text;
using System.Text.Json;
using KeySell.Application.Common;
using KeySell.Domain.BuyingInfluences;
using KeySell.Domain.Common;
using KeySell.Domain.Objections;
using KeySell.Domain.Opportunities;
using KeySell.Domain.OrgCharts;
using KeySell.Domain.RedFlags;
using KeySell.Domain.Sheets;

namespace KeySell.Application.Sheets;

public static partial class SheetReader
{
    /// <summary>Throws on text that is not valid UTF-16, as <see cref="JsonDocument.Parse(string, JsonDocumentOptions)"/> does.</summary>
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>For tests, which hold sheets as text.</summary>
    internal static StrategySheet? TryReadInOnePass(string json)
    {
        try
        {
            return TryReadInOnePass(StrictUtf8.GetBytes(json));
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    /// <summary>
    /// The sheet read in one forward pass over the UTF-8 text, or null at the first doubt of any kind (a problem, or
    /// merely something this pass does not handle, such as an escaped member name). Nearly every sheet is well formed,
    /// and this pass builds it without a document, a dictionary per object or a path per value; when it gives up, the
    /// problem-collecting walk reads the sheet again and has the last word, so every message stays the walk's.
    /// Whatever this pass accepts, the walk accepts as the same sheet; and it is valid UTF-8, because every string kept
    /// is decoded strictly and everything else must match ASCII.
    /// </summary>
    internal static StrategySheet? TryReadInOnePass(ReadOnlySpan<byte> utf8)
    {
        try
        {
            return new OnePass(utf8).Sheet();
        }
        catch (Exception e) when (e is JsonException or ArgumentException or InvalidOperationException)
        {
            // Malformed JSON, a string that is not UTF-8, or a token of another kind than expected: the walk says what is wrong.
            return null;
        }
    }

    /// <summary>
    /// Every method returns false at the first doubt; the caller then gives up the whole pass. Each reads the value of
    /// the member the reader stands on, and leaves the reader on that value's last token.
    /// </summary>
    private ref struct OnePass(ReadOnlySpan<byte> utf8)
    {
        private Utf8JsonReader _json = new(utf8, new JsonReaderOptions { AllowTrailingCommas = false, CommentHandling = JsonCommentHandling.Disallow });

        public StrategySheet? Sheet()
        {
            if (!_json.Read() || _json.TokenType != JsonTokenType.StartObject) return null;
            string? schema = null;
            DateOnly? asOf = null;
            SheetOpportunity? opportunity = null;
            List<SheetInfluence> influences = [];
            List<SheetStrength> strengths = [];
            List<SheetObjection> objections = [];
            List<SheetRedFlag> redFlags = [];
            var seen = 0;
            Next next;
            while ((next = Member(SheetFields, ref seen, out var field)) == Next.Member)
            {
                var ok = field switch
                {
                    "schema" => RequiredString(out schema),
                    "asOf" => Date(out asOf),
                    "opportunity" => Opportunity(out opportunity),
                    "influences" => List(influences, static (ref OnePass pass, out SheetInfluence? item) => pass.Influence(out item)),
                    "strengths" => List(strengths, static (ref OnePass pass, out SheetStrength? item) => pass.Strength(out item)),
                    "objections" => List(objections, static (ref OnePass pass, out SheetObjection? item) => pass.Objection(out item)),
                    "redFlags" => List(redFlags, static (ref OnePass pass, out SheetRedFlag? item) => pass.RedFlag(out item)),
                    _ => false, // Member names only the fields of the list it was given
                };
                if (!ok) return null;
            }
            // Only whitespace may follow the sheet.
            if (next == Next.Doubt || _json.Read()) return null;
            if (schema != SchemaVersion1 || opportunity is null || influences.Count > InputLimits.SheetInfluences) return null;
            if (!ReferencesHold(influences, objections, redFlags)) return null;
            return new StrategySheet(asOf, opportunity, influences, strengths, objections, redFlags);
        }

        private static bool ReferencesHold(List<SheetInfluence> influences, List<SheetObjection> objections, List<SheetRedFlag> redFlags)
        {
            var ids = new HashSet<string>(influences.Count, StringComparer.Ordinal);
            foreach (var influence in influences)
            {
                if (!ids.Add(influence.Id)) return false;
            }
            foreach (var objection in objections)
            {
                if (objection.From is { } from && !ids.Contains(from)) return false;
            }
            foreach (var flag in redFlags)
            {
                if (flag.Influence is { } influence && !ids.Contains(influence)) return false;
            }
            return true;
        }

        private bool Opportunity(out SheetOpportunity? opportunity)
        {
            opportunity = null;
            if (!StartObject()) return false;
            string? name = null, account = null;
            decimal? score = null;
            var objective = SheetObjective.Empty;
            Engagement? engagement = null;
            FunnelLevel? funnelLevel = null;
            ExpectedOutcome? outcome = null;
            var seen = 0;
            Next next;
            while ((next = Member(OpportunityFields, ref seen, out var field)) == Next.Member)
            {
                var ok = field switch
                {
                    "name" => RequiredString(out name),
                    "account" => RequiredString(out account),
                    "idealCustomerScore" => Number(out score) && score is null or (>= IdealScoreMin and <= IdealScoreMax),
                    "objective" => Objective(out objective),
                    "engagement" => Enum(nullable: true, out engagement),
                    "funnelLevel" => Enum(nullable: false, out funnelLevel),
                    "expectedOutcome" => Enum(nullable: true, out outcome),
                    _ => false, // Member names only the fields of the list it was given
                };
                if (!ok) return false;
            }
            if (next == Next.Doubt || name is null || account is null) return false;
            opportunity = new SheetOpportunity(name, account, score, objective, engagement, funnelLevel ?? FunnelLevel.Above, outcome);
            return true;
        }

        private bool Objective(out SheetObjective objective)
        {
            objective = SheetObjective.Empty;
            if (!_json.Read()) return false;
            if (_json.TokenType == JsonTokenType.Null) return true;
            if (_json.TokenType != JsonTokenType.StartObject) return false;
            string? product = null, currency = null;
            decimal? quantity = null, amount = null;
            DateOnly? closeDate = null;
            var seen = 0;
            Next next;
            while ((next = Member(ObjectiveFields, ref seen, out var field)) == Next.Member)
            {
                var ok = field switch
                {
                    "product" => OptionalString(out product),
                    "quantity" => Number(out quantity) && quantity is not < 0,
                    "amount" => Number(out amount) && amount is not < 0,
                    "currency" => OptionalString(out currency) && (currency is null || Validation.Currencies.IsValid(currency)),
                    "closeDate" => Date(out closeDate),
                    _ => false, // Member names only the fields of the list it was given
                };
                if (!ok) return false;
            }
            if (next == Next.Doubt) return false;
            objective = new SheetObjective(product, quantity, amount, currency, closeDate);
            return true;
        }

        private bool Influence(out SheetInfluence? influence)
        {
            influence = null;
            if (_json.TokenType != JsonTokenType.StartObject) return false;
            string? id = null, name = null, title = null, counterpart = null;
            var roles = BuyingRoles.None;
            InfluenceLevel? level = null;
            int? support = null;
            ContactLevel? contact = null;
            ResponseMode? mode = null;
            PersonStatus? status = null;
            DateOnly? since = null, lastContact = null;
            List<string> wins = [], results = [];
            var seen = 0;
            Next next;
            while ((next = Member(InfluenceFields, ref seen, out var field)) == Next.Member)
            {
                var ok = field switch
                {
                    "id" => RequiredString(out id),
                    "name" => RequiredString(out name),
                    "title" => OptionalString(out title),
                    "roles" => Roles(out roles),
                    "influence" => Enum(nullable: false, out level),
                    "support" => Support(out support),
                    "contact" => Enum(nullable: false, out contact),
                    "mode" => Enum(nullable: false, out mode),
                    "counterpart" => OptionalString(out counterpart),
                    "status" => Enum(nullable: false, out status),
                    "since" => Date(out since),
                    "lastContact" => Date(out lastContact),
                    "wins" => Strings(wins),
                    "results" => Strings(results),
                    _ => false, // Member names only the fields of the list it was given
                };
                if (!ok) return false;
            }
            if (next == Next.Doubt || id is null || name is null) return false;
            influence = new SheetInfluence(id, name, title, roles, level ?? InfluenceLevel.Unknown, support, contact ?? ContactLevel.Unknown,
                mode ?? ResponseMode.Unknown, counterpart, status ?? PersonStatus.Active, since, lastContact, wins, results);
            return true;
        }

        private bool Strength(out SheetStrength? strength)
        {
            strength = null;
            if (_json.TokenType != JsonTokenType.StartObject) return false;
            string? text = null;
            List<string> addresses = [];
            var seen = 0;
            Next next;
            while ((next = Member(StrengthFields, ref seen, out var field)) == Next.Member)
            {
                var ok = field == "text" ? RequiredString(out text) : Strings(addresses) && addresses.TrueForAll(RedFlagIds.Version1.Contains);
                if (!ok) return false;
            }
            if (next == Next.Doubt || text is null) return false;
            strength = new SheetStrength(text, addresses);
            return true;
        }

        private bool Objection(out SheetObjection? objection)
        {
            objection = null;
            if (_json.TokenType != JsonTokenType.StartObject) return false;
            string? from = null, text = null;
            ObjectionStatus? status = null;
            var seen = 0;
            Next next;
            while ((next = Member(ObjectionFields, ref seen, out var field)) == Next.Member)
            {
                var ok = field switch
                {
                    "from" => OptionalString(out from),
                    "text" => RequiredString(out text),
                    "status" => Enum(nullable: false, out status),
                    _ => false, // Member names only the fields of the list it was given
                };
                if (!ok) return false;
            }
            if (next == Next.Doubt || text is null) return false;
            objection = new SheetObjection(from, text, status ?? ObjectionStatus.Open);
            return true;
        }

        private bool RedFlag(out SheetRedFlag? flag)
        {
            flag = null;
            if (_json.TokenType != JsonTokenType.StartObject) return false;
            string? text = null, influence = null;
            var seen = 0;
            Next next;
            while ((next = Member(RedFlagFields, ref seen, out var field)) == Next.Member)
            {
                var ok = field == "text" ? RequiredString(out text) : OptionalString(out influence);
                if (!ok) return false;
            }
            if (next == Next.Doubt || text is null) return false;
            flag = new SheetRedFlag(text, influence);
            return true;
        }

        // ---- shapes ----

        private enum Next { Member, End, Doubt }

        /// <summary>
        /// Moves to the next member and names it as <paramref name="fields"/> spells it. A member this object may not
        /// have, one it already had (<paramref name="seen"/> holds a bit per name) or an escaped name is for the walk.
        /// </summary>
        private Next Member(FieldNames fields, ref int seen, out string field)
        {
            field = "";
            if (!_json.Read()) return Next.Doubt;
            if (_json.TokenType == JsonTokenType.EndObject) return Next.End;
            if (_json.TokenType != JsonTokenType.PropertyName || _json.ValueIsEscaped) return Next.Doubt;
            var index = fields.IndexOf(_json.ValueSpan);
            if (index < 0 || (seen & (1 << index)) != 0) return Next.Doubt;
            seen |= 1 << index;
            field = fields.Names[index];
            return Next.Member;
        }

        private bool StartObject() => _json.Read() && _json.TokenType == JsonTokenType.StartObject;

        private delegate bool ReadItem<T>(ref OnePass pass, out T? item) where T : class;

        private bool List<T>(List<T> items, ReadItem<T> item) where T : class
        {
            if (!_json.Read() || _json.TokenType != JsonTokenType.StartArray) return false;
            while (_json.Read() && _json.TokenType != JsonTokenType.EndArray)
            {
                if (!item(ref this, out var value)) return false;
                items.Add(value!);
            }
            return _json.TokenType == JsonTokenType.EndArray;
        }

        private bool Strings(List<string> items)
        {
            if (!_json.Read() || _json.TokenType != JsonTokenType.StartArray) return false;
            while (_json.Read() && _json.TokenType != JsonTokenType.EndArray)
            {
                if (_json.TokenType != JsonTokenType.String) return false;
                var text = _json.GetString()!;
                if (text.Length > InputLimits.SheetTextLength) return false;
                items.Add(text);
            }
            return _json.TokenType == JsonTokenType.EndArray;
        }

        private bool Roles(out BuyingRoles roles)
        {
            roles = BuyingRoles.None;
            if (!_json.Read() || _json.TokenType != JsonTokenType.StartArray) return false;
            while (_json.Read() && _json.TokenType != JsonTokenType.EndArray)
            {
                if (_json.TokenType != JsonTokenType.String || _json.ValueIsEscaped) return false;
                if (!MethodIds.TryParseUtf8<BuyingRoles>(_json.ValueSpan, out var role)) return false;
                roles |= role;
            }
            return _json.TokenType == JsonTokenType.EndArray;
        }

        private bool RequiredString(out string? value)
        {
            value = null;
            if (!_json.Read() || _json.TokenType != JsonTokenType.String) return false;
            value = _json.GetString();
            return !string.IsNullOrWhiteSpace(value) && value.Length <= InputLimits.SheetTextLength;
        }

        private bool OptionalString(out string? value)
        {
            value = null;
            if (!_json.Read()) return false;
            if (_json.TokenType == JsonTokenType.Null) return true;
            if (_json.TokenType != JsonTokenType.String) return false;
            value = _json.GetString();
            return value!.Length <= InputLimits.SheetTextLength;
        }

        private bool Number(out decimal? value)
        {
            value = null;
            if (!_json.Read()) return false;
            if (_json.TokenType == JsonTokenType.Null) return true;
            if (_json.TokenType != JsonTokenType.Number || !_json.TryGetDecimal(out var number)) return false;
            value = number;
            return true;
        }

        private bool Support(out int? value)
        {
            value = null;
            if (!_json.Read()) return false;
            if (_json.TokenType == JsonTokenType.Null) return true;
            if (_json.TokenType != JsonTokenType.Number || !_json.TryGetInt32(out var support) || !Domain.BuyingInfluences.Support.IsValid(support)) return false;
            value = support;
            return true;
        }

        /// <summary>Only the plain <c>yyyy-MM-dd</c> spelling of a real day; anything else is for the walk to judge.</summary>
        private bool Date(out DateOnly? value)
        {
            value = null;
            if (!_json.Read()) return false;
            if (_json.TokenType == JsonTokenType.Null) return true;
            if (_json.TokenType != JsonTokenType.String || _json.ValueIsEscaped) return false;
            var text = _json.ValueSpan;
            if (text.Length != 10 || text[4] != (byte)'-' || text[7] != (byte)'-') return false;
            if (!Digits(text[..4], out var year) || !Digits(text.Slice(5, 2), out var month) || !Digits(text.Slice(8, 2), out var day)) return false;
            if (year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month)) return false;
            value = new DateOnly(year, month, day);
            return true;
        }

        private static bool Digits(ReadOnlySpan<byte> text, out int value)
        {
            value = 0;
            foreach (var c in text)
            {
                if (c is < (byte)'0' or > (byte)'9') return false;
                value = value * 10 + (c - '0');
            }
            return true;
        }

        private bool Enum<T>(bool nullable, out T? value) where T : struct, System.Enum
        {
            value = null;
            if (!_json.Read()) return false;
            if (_json.TokenType == JsonTokenType.Null) return nullable;
            if (_json.TokenType != JsonTokenType.String || _json.ValueIsEscaped) return false;
            if (!MethodIds.TryParseUtf8<T>(_json.ValueSpan, out var found)) return false;
            value = found;
            return true;
        }
    }
}
