// torch.set_printoptions state (torch/_tensor_str.py PRINT_OPTS). One instance per
// session: the interpreter owns it and passes it to formatTensor.

export interface PrintOptionsUpdate {
  precision?: number | null;
  threshold?: number | null;
  edgeitems?: number | null;
  linewidth?: number | null;
  profile?: 'default' | 'short' | 'full' | string | null;
  sciMode?: boolean | null;
}

/** What the formatter reads. */
export type PrintOptionsView = Readonly<Pick<PrintOptions, 'precision' | 'threshold' | 'edgeitems' | 'linewidth' | 'sciMode'>>;

export class PrintOptions {
  precision = 4;
  /** numel above which tensors are summarised; Infinity for profile='full' */
  threshold = 1000;
  edgeitems = 3;
  linewidth = 80;
  /** null: chosen per tensor by the formatter */
  sciMode: boolean | null = null;

  /**
   * torch.set_printoptions(precision=None, threshold=None, edgeitems=None,
   * linewidth=None, profile=None, sci_mode=None). As in PyTorch, an unknown profile
   * is ignored, and sci_mode is always replaced (omitting it resets it to None).
   */
  set(u: PrintOptionsUpdate): void {
    if (u.profile != null) {
      if (u.profile === 'default') this.assign(4, 1000, 3, 80);
      else if (u.profile === 'short') this.assign(2, 1000, 2, 80);
      else if (u.profile === 'full') this.assign(4, Infinity, 3, 80);
    }
    if (u.precision != null) this.precision = u.precision;
    if (u.threshold != null) this.threshold = u.threshold;
    if (u.edgeitems != null) this.edgeitems = u.edgeitems;
    if (u.linewidth != null) this.linewidth = u.linewidth;
    this.sciMode = u.sciMode ?? null;
  }

  reset(): void {
    this.assign(4, 1000, 3, 80);
    this.sciMode = null;
  }

  clone(): PrintOptions {
    const c = new PrintOptions();
    c.assign(this.precision, this.threshold, this.edgeitems, this.linewidth);
    c.sciMode = this.sciMode;
    return c;
  }

  private assign(precision: number, threshold: number, edgeitems: number, linewidth: number): void {
    this.precision = precision;
    this.threshold = threshold;
    this.edgeitems = edgeitems;
    this.linewidth = linewidth;
  }
}

/** Defaults, for callers without a session (e.g. hover text). */
export const DEFAULT_PRINT_OPTIONS: PrintOptionsView = new PrintOptions();
