using KeySell.Application.BuyingInfluences;
using KeySell.Application.Calls;
using KeySell.Application.Common;
using KeySell.Application.Opportunities;
using KeySell.Application.Sheets;
using KeySell.Domain.BuyingInfluences;
using KeySell.Domain.Common;
using KeySell.Domain.Sheets;
using KeySell.Web.Components.Calls;
using KeySell.Domain.Objections;

namespace KeySell.Web.Components.Opportunities;

/// <summary>
/// Reads and writes the sheet through the use cases, one DI scope each, and is the only part of
/// the page that knows their commands and DTOs: the components edit drafts.
/// </summary>
public sealed class SheetStore(HandlerScope scope)
{
    /// <summary>
    /// Reads the stored sheet again after a panel saved its own part (milestones, actions, the needs tree), so the flags
    /// on screen follow that save without reloading the drafts being edited.
    /// </summary>
    public async Task ReadStoredAsync(SheetSession session, CancellationToken ct = default)
    {
        var stored = await scope.Run<ExportSheet.Handler, Result<StrategySheet>>(h => h.Handle(new(session.Opportunity.Id), ct));
        if (stored.Succeeded) session.Stored = stored.Value;
    }

    public async Task<Error?> LoadAsync(Guid id, SheetSession session, CancellationToken ct = default)
    {
        var loaded = await scope.Run<GetOpportunity.Handler, Result<OpportunityDetail>>(h => h.Handle(new(id), ct));
        if (!loaded.Succeeded) return loaded.Error;
        var o = loaded.Value;
        session.Opportunity = new OpportunityDraft
        {
            Id = o.Id,
            Version = o.Version,
            AccountId = o.AccountId,
            AccountName = o.AccountName,
            IdealCustomerScore = o.IdealCustomerScore,
            Name = o.Name,
            Product = o.Objective.Product,
            Quantity = o.Objective.Quantity,
            Amount = o.Objective.Amount,
            Currency = o.Objective.Currency,
            CloseDate = o.Objective.CloseDate,
            Engagement = o.Engagement,
            FunnelLevel = o.FunnelLevel,
            ExpectedOutcome = o.ExpectedOutcome,
            OwnerId = o.OwnerId,
            OwnerName = o.OwnerName,
            CreatedOn = o.CreatedOn,
        };
        session.Influences = o.Influences.Select(ToDraft).ToList();
        session.Strengths = o.Strengths.Select(s => new StrengthDraft { Text = s.Text, Addresses = [.. s.Addresses] }).ToList();
        session.RedFlags = o.RedFlags.Select(f => new RedFlagDraft { Text = f.Text, InfluenceKey = f.Influence }).ToList();
        session.Objections = o.Objections.Select(x => new ObjectionDraft
        {
            FromKey = x.From, Text = x.Text, Status = x.Status, Steps = x.Steps.Select(MethodIds.Parse<ObjectionStep>).ToList(), Answer = x.Answer,
        }).ToList();
        session.Colleagues = await ColleaguesAsync(o, ct);
        session.CanEdit = o.CanEdit;
        await ReadStoredAsync(session, ct);
        var calls = await scope.Run<ListCalls.Handler, Result<IReadOnlyList<CallDetail>>>(h => h.Handle(new(id), ct));
        session.Calls = calls.Succeeded ? calls.Value.Select(CallDraft.From).ToList() : [];
        return null;
    }

    public async Task<Error?> UpdateOpportunityAsync(OpportunityDraft draft, CancellationToken ct = default)
    {
        var command = new UpdateOpportunity.Command(
            draft.Id, draft.Version, draft.Name,
            new ObjectiveData(draft.Product, draft.Quantity, draft.Amount, draft.Currency, draft.CloseDate),
            draft.Engagement?.ToId(), draft.FunnelLevel.ToId(), draft.ExpectedOutcome?.ToId(), draft.OwnerId, draft.CreatedOn);
        var saved = await scope.Run<UpdateOpportunity.Handler, Result<OpportunityDetail>>(h => h.Handle(command, ct));
        if (!saved.Succeeded) return saved.Error;
        draft.Version = saved.Value.Version;
        return null;
    }

    public async Task<Error?> SaveListsAsync(SheetSession session, CancellationToken ct = default)
    {
        var command = new SaveStrategyLists.Command(
            session.Opportunity.Id, session.Opportunity.Version,
            session.Strengths.Select(s => new SaveStrategyLists.StrengthInput(s.Text, [.. s.Addresses])).ToList(),
            session.RedFlags.Select(f => new SaveStrategyLists.RedFlagInput(f.Text, f.InfluenceKey)).ToList(),
            session.Objections.Select(x => new SaveStrategyLists.ObjectionInput(x.FromKey, x.Text, x.Status.ToId(), x.Steps.Select(s => s.ToId()).ToList(), x.Answer?.ToId())).ToList());
        var saved = await scope.Run<SaveStrategyLists.Handler, Result<SaveStrategyLists.Saved>>(h => h.Handle(command, ct));
        if (!saved.Succeeded) return saved.Error;
        session.Opportunity.Version = saved.Value.Version;
        return null;
    }

    public async Task<Error?> DeleteOpportunityAsync(OpportunityDraft draft, CancellationToken ct = default)
    {
        var deleted = await scope.Run<DeleteOpportunity.Handler, Result<Guid>>(h => h.Handle(new(draft.Id, draft.Version), ct));
        return deleted.Error;
    }

    public async Task<Error?> UpdateInfluenceAsync(InfluenceDraft draft, CancellationToken ct = default)
    {
        var command = new UpdateBuyingInfluence.Command(
            draft.Id, draft.Version, RoleIds(draft.Roles), draft.Influence.ToId(), draft.Support, draft.Contact.ToId(), draft.Mode.ToId(),
            draft.CounterpartId, draft.Since, draft.LastContact, [.. draft.Wins], [.. draft.Results]);
        var saved = await scope.Run<UpdateBuyingInfluence.Handler, Result<InfluenceDetail>>(h => h.Handle(command, ct));
        if (!saved.Succeeded) return saved.Error;
        // Only the version comes back into the draft: the seller may already have typed past what was sent.
        draft.Version = saved.Value.Version;
        return null;
    }

    public async Task<Result<InfluenceDraft>> AddInfluenceAsync(Guid opportunityId, Guid? personId, string? name, string? title, CancellationToken ct = default)
    {
        var command = new AddBuyingInfluence.Command(opportunityId, personId, personId is null ? new AddBuyingInfluence.NewPerson(name, title) : null);
        var added = await scope.Run<AddBuyingInfluence.Handler, Result<InfluenceDetail>>(h => h.Handle(command, ct));
        return added.Succeeded ? ToDraft(added.Value) : added.Error!;
    }

    public async Task<Error?> RemoveInfluenceAsync(InfluenceDraft draft, CancellationToken ct = default)
    {
        var removed = await scope.Run<RemoveBuyingInfluence.Handler, Result<Guid>>(h => h.Handle(new(draft.Id, draft.Version), ct));
        return removed.Error;
    }

    /// <summary>People of the deal's account not yet on the sheet, by part of their name or title.</summary>
    public async Task<IEnumerable<PersonChoice>> SearchPeopleAsync(Guid opportunityId, string? text, CancellationToken ct = default)
    {
        var found = await scope.Run<ListSheetPicks.Handler, Result<ListSheetPicks.Picks>>(
            h => h.Handle(new(opportunityId, text, IncludeColleagues: false), ct));
        return found.Succeeded ? found.Value.People.Select(p => new PersonChoice(p.Id, p.Name, p.Title)).ToList() : [];
    }

    private async Task<IReadOnlyList<ColleagueChoice>> ColleaguesAsync(OpportunityDetail opportunity, CancellationToken ct)
    {
        var found = await scope.Run<ListSheetPicks.Handler, Result<ListSheetPicks.Picks>>(h => h.Handle(new(opportunity.Id), ct));
        var colleagues = found.Succeeded ? found.Value.Colleagues.Select(c => new ColleagueChoice(c.Id, c.Name, c.Title)).ToList() : [];
        // A counterpart or owner must always have a name on screen, even if the list came back short.
        foreach (var (id, name) in opportunity.Influences.Where(i => i.CounterpartId is not null).Select(i => (i.CounterpartId!.Value, i.CounterpartName ?? "?"))
                     .Append((opportunity.OwnerId ?? Guid.Empty, opportunity.OwnerName ?? "?")))
        {
            if (id != Guid.Empty && colleagues.All(c => c.Id != id)) colleagues.Add(new ColleagueChoice(id, name, null));
        }
        return colleagues;
    }

    private static InfluenceDraft ToDraft(InfluenceDetail i) => new()
    {
        Id = i.Id,
        Version = i.Version,
        Key = i.Key,
        PersonId = i.PersonId,
        PersonName = i.PersonName,
        PersonTitle = i.PersonTitle,
        PersonStatus = i.PersonStatus,
        Seniority = i.Seniority,
        Roles = BuyingRolesExtensions.Combine(i.Roles.Select(MethodIds.Parse<BuyingRoles>)),
        Influence = i.Influence,
        Support = i.Support,
        Contact = i.Contact,
        Mode = i.Mode,
        CounterpartId = i.CounterpartId,
        Since = i.Since,
        LastContact = i.LastContact,
        Wins = [.. i.Wins],
        Results = [.. i.Results],
    };

    private static List<string> RoleIds(BuyingRoles roles) => roles.Split().Select(r => r.ToId()).ToList();
}
