using KeySell.Application.Access;
using KeySell.Application.Resources;
using KeySell.Domain.Common;
using Microsoft.EntityFrameworkCore;

namespace KeySell.Application.Common;

/// <summary>
/// Optimistic concurrency: a write names the version it was based on. If the record has moved on,
/// the write is refused with a 409 that says who changed it and when; nothing is overwritten.
/// </summary>
public static class Versions
{
    /// <param name="entityName">The resource key suffix: account, person, colleague, opportunity, influence, department.</param>
    public static Error? CheckVersion(this DbContext db, AuditedEntity entity, int expectedVersion, string entityName)
    {
        if (entity.Version != expectedVersion)
        {
            return Error.Conflict(Messages.Format("StaleVersion", Messages.Format("Entity." + entityName), entity.UpdatedBy,
                entity.UpdatedAt, entity.Version, expectedVersion));
        }
        // The UPDATE then carries "WHERE Version = expected", which also catches a save that races this one.
        db.Entry(entity).Property(e => e.Version).OriginalValue = expectedVersion;
        return null;
    }

    /// <summary>Saves, turning a lost race into a conflict and a refused write into a 403 the caller can show instead of an exception.</summary>
    public static async Task<Error?> SaveOrConflictAsync(this DbContext db, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return null;
        }
        catch (DbUpdateConcurrencyException)
        {
            return Error.Conflict(Messages.Format("ConcurrentSave"));
        }
        catch (AccessDeniedException denied)
        {
            return Error.Forbidden(denied.Message);
        }
    }

    public static Error NotFound(string entityName, object id) =>
        Error.NotFound(Messages.Format("NotFound", Messages.Format("Entity." + entityName), id));
}
