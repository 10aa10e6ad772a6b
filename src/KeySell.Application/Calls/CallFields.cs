using KeySell.Application.Common;
using KeySell.Application.Opportunities;
using KeySell.Application.Resources;
using KeySell.Domain.Calls;

namespace KeySell.Application.Calls;

/// <summary>A planned question as sent: its SPIN type id (<c>situation</c>, <c>problem</c>, <c>implication</c>, <c>need-payoff</c>) and text.</summary>
public sealed record QuestionInput(string? Type, string? Text);

/// <summary>
/// The fields of a call as planning and holding it sends them, checked in one place for adding and saving: a date, only
/// the deal's own influences, SPIN-typed questions, and an outcome only once the call is done.
/// </summary>
internal sealed record CallFields(
    DateOnly? Date,
    IReadOnlyList<string>? With,
    string? Status,
    string? Commitment,
    IReadOnlyList<QuestionInput>? Questions,
    string? Outcome,
    string? Notes)
{
    /// <summary>Records every problem; returns the checked values to apply, or null when there were problems.</summary>
    public Action<Call>? Validate(Validation validation, IReadOnlySet<string> influenceKeys)
    {
        if (Date is null) validation.Add("date", Messages.Format("Required"));
        PlausibleDates.Check(validation, "date", Date);

        var with = new List<string>();
        foreach (var (key, i) in (With ?? []).Select((k, i) => (k, i)))
        {
            if (key is null || !influenceKeys.Contains(key)) validation.Add($"with[{i}]", Messages.Format("UnknownInfluenceKey", key));
            else if (with.Contains(key)) validation.Add($"with[{i}]", Messages.Format("Calls.DuplicateWith", key));
            else with.Add(key);
        }

        var status = validation.Enum<CallStatus>("status", Status);
        var outcome = validation.Enum<CallOutcome>("outcome", Outcome);
        // An outcome is what a held call achieved; a planned or cancelled one has none (judged only on a known status).
        if (outcome is not null && (Status is null || status is not null) && status != CallStatus.Done)
            validation.Add("outcome", Messages.Format("Calls.OutcomeOnlyWhenDone", Outcome));
        validation.MaxLength("commitment", Commitment, Call.TextMaxLength);
        validation.MaxLength("notes", Notes, Call.TextMaxLength);

        var questions = new List<CallQuestion>();
        if (Questions is { Count: > Call.MaxQuestions }) validation.Add("questions", Messages.Format("TooMany", Call.MaxQuestions));
        else
        {
            foreach (var (question, i) in (Questions ?? []).Select((q, i) => (q, i)))
            {
                if (question is null) { validation.Add($"questions[{i}]", Messages.Format("Required")); continue; }
                SpinType? type = null;
                if (question.Type is null) validation.Add($"questions[{i}].type", Messages.Format("Required"));
                else type = validation.Enum<SpinType>($"questions[{i}].type", question.Type);
                validation.Required($"questions[{i}].text", question.Text, Call.TextMaxLength);
                if (type is { } t && !string.IsNullOrWhiteSpace(question.Text)) questions.Add(new CallQuestion(t, question.Text.Trim()));
            }
        }
        if (validation.HasErrors) return null;

        var (date, commitment, notes) = (Date!.Value, Texts.OrNull(Commitment), Texts.OrNull(Notes));
        return call =>
        {
            // Assigned only when different, so saving what was read writes nothing (and adds no history).
            if (call.Date != date) call.Date = date;
            if (!call.With.SequenceEqual(with)) call.With = with;
            var newStatus = status ?? CallStatus.Planned;
            if (call.Status != newStatus) call.Status = newStatus;
            if (call.Commitment != commitment) call.Commitment = commitment;
            if (!call.Questions.SequenceEqual(questions)) call.Questions = questions;
            if (call.Outcome != outcome) call.Outcome = outcome;
            if (call.Notes != notes) call.Notes = notes;
        };
    }
}
