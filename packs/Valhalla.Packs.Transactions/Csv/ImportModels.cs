using Valhalla.Contracts.Values;

namespace Valhalla.Packs.Transactions;

/// <summary>A CSV row read and checked, ready to post; <see cref="Line"/> is its line in the file (the header is line 1).</summary>
public sealed record ImportRow(
    int Line, string ImportId, string TxType, Money Amount, DateOnly Date, string? Description, string? BucketId, string Priority, TxLinks? Links = null);

/// <summary>What is wrong with one field of one CSV row: the line in the file, the wire field, and why.</summary>
public sealed record ImportError(int Line, string Field, string Message);

/// <summary>A row skipped because the ledger (or an earlier row of the same file) already holds its import id.</summary>
public sealed record ImportDuplicate(int Line, string ImportId);

/// <summary>
/// The answer of <c>POST /core/transactions/import</c>: counts, every error by line and field, every
/// duplicate skipped, and in a dry run the rows that would be created.
/// </summary>
public sealed record ImportResult(
    bool DryRun,
    int Rows,
    int ToCreate,
    int Created,
    int Duplicates,
    int Invalid,
    int VoidSkipped,
    IReadOnlyList<ImportError> Errors,
    IReadOnlyList<ImportDuplicate> DuplicateRows,
    IReadOnlyList<ImportRow>? Preview);

/// <summary>A CSV file read into rows: the rows that parsed, the errors of those that did not, duplicates within the file.</summary>
public sealed record ParsedCsv(int Records, IReadOnlyList<ImportRow> Rows, IReadOnlyList<ImportError> Errors, IReadOnlyList<ImportDuplicate> Duplicates, int VoidSkipped);
