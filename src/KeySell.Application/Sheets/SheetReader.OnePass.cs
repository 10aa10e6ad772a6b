using System.Buffers;
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

    /// <summary>
    /// The sheet read in one forward pass over the UTF-8 text, or null at the first doubt of any kind (a problem, or
    /// merely something this pass does not handle, such as an escaped member name). Nearly every sheet is well formed,
    /// and this pass builds it without a document, a dictionary per object or a path per value; when it gives up, the
    /// problem-collecting walk reads the sheet again and has the last word, so every message stays the walk's.
    /// Whatever this pass accepts, the walk accepts as the same sheet.
    /// </summary>
    internal static StrategySheet? TryReadInOnePass(string json)
    {
        byte[]? rented = null;
        try
        {
            rented = ArrayPool<byte>.Shared.Rent(StrictUtf8.GetMaxByteCount(json.Length));
            var length = StrictUtf8.GetBytes(json, rented);
            return new OnePass(rented.AsSpan(0, length)).Sheet();
        }
        catch (Exception e) when (e is JsonException or ArgumentException or InvalidOperationException)
        {
            // Malformed JSON, text that is not UTF-16, or a token of another kind than expected: the walk says what is wrong.
            return null;
        }
        finally
        {
            if (rented is not null) ArrayPool<byte>.Shared.Return(rented);
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
            int member;
            while ((member = Member()) > 0)
            {
                var name = _json.ValueSpan;
                int bit;
                bool ok;
                if (name.SequenceEqual("schema"u8)) (bit, ok) = (1, RequiredString(out schema));
                else if (name.SequenceEqual("asOf"u8)) (bit, ok) = (2, Date(out asOf));
                else if (name.SequenceEqual("opportunity"u8)) (bit, ok) = (4, Opportunity(out opportunity));
                else if (name.SequenceEqual("influences"u8)) (bit, ok) = (8, List(influences, static (ref OnePass pass, out SheetInfluence? item) => pass.Influence(out item)));
                else if (name.SequenceEqual("strengths"u8)) (bit, ok) = (16, List(strengths, static (ref OnePass pass, out SheetStrength? item) => pass.Strength(out item)));
                else if (name.SequenceEqual("objections"u8)) (bit, ok) = (32, List(objections, static (ref OnePass pass, out SheetObjection? item) => pass.Objection(out item)));
                else if (name.SequenceEqual("redFlags"u8)) (bit, ok) = (64, List(redFlags, static (ref OnePass pass, out SheetRedFlag? item) => pass.RedFlag(out item)));
                else return null;
                if (!ok || (seen & bit) != 0) return null;
                seen |= bit;
            }
            // Only whitespace may follow the sheet.
            if (member < 0 || _json.Read()) return null;
            if (schema != SheetReader.Schema || opportunity is null || !ReferencesHold(influences, objections, redFlags)) return null;
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
            int member;
            while ((member = Member()) > 0)
            {
                var field = _json.ValueSpan;
                int bit;
                bool ok;
                if (field.SequenceEqual("name"u8)) (bit, ok) = (1, RequiredString(out name));
                else if (field.SequenceEqual("account"u8)) (bit, ok) = (2, RequiredString(out account));
                else if (field.SequenceEqual("idealCustomerScore"u8)) (bit, ok) = (4, Number(out score) && score is null or (>= IdealScoreMin and <= IdealScoreMax));
                else if (field.SequenceEqual("objective"u8)) (bit, ok) = (8, Objective(out objective));
                else if (field.SequenceEqual("engagement"u8)) (bit, ok) = (16, Enum(nullable: true, out engagement));
                else if (field.SequenceEqual("funnelLevel"u8)) (bit, ok) = (32, Enum(nullable: false, out funnelLevel));
                else if (field.SequenceEqual("expectedOutcome"u8)) (bit, ok) = (64, Enum(nullable: true, out outcome));
                else return false;
                if (!ok || (seen & bit) != 0) return false;
                seen |= bit;
            }
            if (member < 0 || name is null || account is null) return false;
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
            int member;
            while ((member = Member()) > 0)
            {
                var field = _json.ValueSpan;
                int bit;
                bool ok;
                if (field.SequenceEqual("product"u8)) (bit, ok) = (1, OptionalString(out product));
                else if (field.SequenceEqual("quantity"u8)) (bit, ok) = (2, Number(out quantity) && quantity is not < 0);
                else if (field.SequenceEqual("amount"u8)) (bit, ok) = (4, Number(out amount) && amount is not < 0);
                else if (field.SequenceEqual("currency"u8)) (bit, ok) = (8, OptionalString(out currency) && (currency is null || Validation.Currencies.IsValid(currency)));
                else if (field.SequenceEqual("closeDate"u8)) (bit, ok) = (16, Date(out closeDate));
                else return false;
                if (!ok || (seen & bit) != 0) return false;
                seen |= bit;
            }
            if (member < 0) return false;
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
            int member;
            while ((member = Member()) > 0)
            {
                var field = _json.ValueSpan;
                int bit;
                bool ok;
                if (field.SequenceEqual("id"u8)) (bit, ok) = (1, RequiredString(out id));
                else if (field.SequenceEqual("name"u8)) (bit, ok) = (2, RequiredString(out name));
                else if (field.SequenceEqual("title"u8)) (bit, ok) = (4, OptionalString(out title));
                else if (field.SequenceEqual("roles"u8)) (bit, ok) = (8, Roles(out roles));
                else if (field.SequenceEqual("influence"u8)) (bit, ok) = (16, Enum(nullable: false, out level));
                else if (field.SequenceEqual("support"u8)) (bit, ok) = (32, Support(out support));
                else if (field.SequenceEqual("contact"u8)) (bit, ok) = (64, Enum(nullable: false, out contact));
                else if (field.SequenceEqual("mode"u8)) (bit, ok) = (128, Enum(nullable: false, out mode));
                else if (field.SequenceEqual("counterpart"u8)) (bit, ok) = (256, OptionalString(out counterpart));
                else if (field.SequenceEqual("status"u8)) (bit, ok) = (512, Enum(nullable: false, out status));
                else if (field.SequenceEqual("since"u8)) (bit, ok) = (1024, Date(out since));
                else if (field.SequenceEqual("lastContact"u8)) (bit, ok) = (2048, Date(out lastContact));
                else if (field.SequenceEqual("wins"u8)) (bit, ok) = (4096, Strings(wins));
                else if (field.SequenceEqual("results"u8)) (bit, ok) = (8192, Strings(results));
                else return false;
                if (!ok || (seen & bit) != 0) return false;
                seen |= bit;
            }
            if (member < 0 || id is null || name is null) return false;
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
            int member;
            while ((member = Member()) > 0)
            {
                var field = _json.ValueSpan;
                int bit;
                bool ok;
                if (field.SequenceEqual("text"u8)) (bit, ok) = (1, RequiredString(out text));
                else if (field.SequenceEqual("addresses"u8)) (bit, ok) = (2, Strings(addresses) && addresses.TrueForAll(RedFlagIds.IsKnown));
                else return false;
                if (!ok || (seen & bit) != 0) return false;
                seen |= bit;
            }
            if (member < 0 || text is null) return false;
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
            int member;
            while ((member = Member()) > 0)
            {
                var field = _json.ValueSpan;
                int bit;
                bool ok;
                if (field.SequenceEqual("from"u8)) (bit, ok) = (1, OptionalString(out from));
                else if (field.SequenceEqual("text"u8)) (bit, ok) = (2, RequiredString(out text));
                else if (field.SequenceEqual("status"u8)) (bit, ok) = (4, Enum(nullable: false, out status));
                else return false;
                if (!ok || (seen & bit) != 0) return false;
                seen |= bit;
            }
            if (member < 0 || text is null) return false;
            objection = new SheetObjection(from, text, status ?? ObjectionStatus.Open);
            return true;
        }

        private bool RedFlag(out SheetRedFlag? flag)
        {
            flag = null;
            if (_json.TokenType != JsonTokenType.StartObject) return false;
            string? text = null, influence = null;
            var seen = 0;
            int member;
            while ((member = Member()) > 0)
            {
                var field = _json.ValueSpan;
                int bit;
                bool ok;
                if (field.SequenceEqual("text"u8)) (bit, ok) = (1, RequiredString(out text));
                else if (field.SequenceEqual("influence"u8)) (bit, ok) = (2, OptionalString(out influence));
                else return false;
                if (!ok || (seen & bit) != 0) return false;
                seen |= bit;
            }
            if (member < 0 || text is null) return false;
            flag = new SheetRedFlag(text, influence);
            return true;
        }

        // ---- shapes ----

        /// <summary>1 on the next member's name, 0 at the end of the object, −1 on a name this pass leaves to the walk.</summary>
        private int Member()
        {
            if (!_json.Read()) return -1;
            if (_json.TokenType == JsonTokenType.EndObject) return 0;
            return _json.TokenType == JsonTokenType.PropertyName && !_json.ValueIsEscaped ? 1 : -1;
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
                items.Add(_json.GetString()!);
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
            return !string.IsNullOrWhiteSpace(value);
        }

        private bool OptionalString(out string? value)
        {
            value = null;
            if (!_json.Read()) return false;
            if (_json.TokenType == JsonTokenType.Null) return true;
            if (_json.TokenType != JsonTokenType.String) return false;
            value = _json.GetString();
            return true;
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
