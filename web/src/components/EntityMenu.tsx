import * as Menu from '@radix-ui/react-dropdown-menu';
import { type ReactNode, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { relationLabel } from '../i18n/labels.js';
import type { Language } from '../i18n/language.js';

export interface RelationCount {
  readonly type: string;
  readonly count: number;
}

/** What can be done with one entity on the canvas; every action is one undo step. */
export interface EntityActions {
  expand(id: string, type?: string): void;
  fetchMore(id: string): void;
  collapse(id: string): void;
  setPinned(id: string, pinned: boolean): void;
  setHidden(id: string, hidden: boolean): void;
  remove(id: string): void;
}

export interface EntityMenuTarget {
  readonly id: string;
  readonly name: string;
  readonly expanded: boolean;
  readonly pinned: boolean;
  /** Neighbours not loaded yet. */
  readonly more: number;
}

interface Props {
  readonly target: EntityMenuTarget;
  readonly language: Language;
  readonly actions: EntityActions;
  /** The facts per relation type, fetched when the submenu opens. */
  readonly loadCounts: (id: string) => Promise<readonly RelationCount[]>;
  readonly trigger: ReactNode;
  readonly open?: boolean;
  readonly onOpenChange?: (open: boolean) => void;
}

/** The menu's items; mounted when the menu opens, which starts fetching the counts for the submenu. */
function MenuItems({ target, language, actions, loadCounts }: Omit<Props, 'trigger' | 'open' | 'onOpenChange'>) {
  const { t } = useTranslation();
  const { id, name } = target;
  const [counts, setCounts] = useState<readonly RelationCount[] | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    let cancelled = false;
    loadCounts(id)
      .then((found) => {
        if (!cancelled) setCounts(found);
      })
      .catch(() => {
        if (!cancelled) setFailed(true);
      });
    return () => {
      cancelled = true;
    };
  }, [id, loadCounts]);
  let byType = t('menu.expandBy');
  if (failed) byType = `${byType} (${t('status.failed')})`;
  else if (!counts) byType = `${byType} (${t('status.loading')})`;
  return (
    <>
      <Menu.Label className="menu-title">
        <bdi>{name}</bdi>
      </Menu.Label>
      <Menu.Item className="menu-item" onSelect={() => actions.expand(id)}>
        {t('menu.expand')}
      </Menu.Item>
      <Menu.Sub>
        <Menu.SubTrigger className="menu-item" disabled={!counts || counts.length === 0}>
          {counts?.length === 0 ? t('menu.noRelations') : byType} ▸
        </Menu.SubTrigger>
        <Menu.Portal>
          <Menu.SubContent className="menu" aria-label={t('menu.expandBy')}>
            {(counts ?? []).map(({ type, count }) => (
              <Menu.Item key={type} className="menu-item" onSelect={() => actions.expand(id, type)}>
                {relationLabel(type, language)} <span className="count">({count})</span>
              </Menu.Item>
            ))}
          </Menu.SubContent>
        </Menu.Portal>
      </Menu.Sub>
      {target.more > 0 && (
        <Menu.Item className="menu-item" onSelect={() => actions.fetchMore(id)}>
          {t('menu.more', { count: target.more })}
        </Menu.Item>
      )}
      {target.expanded && (
        <Menu.Item className="menu-item" onSelect={() => actions.collapse(id)}>
          {t('menu.collapse')}
        </Menu.Item>
      )}
      <Menu.Separator className="menu-separator" />
      <Menu.Item className="menu-item" onSelect={() => actions.setPinned(id, !target.pinned)}>
        {target.pinned ? t('menu.unpin') : t('menu.pin')}
      </Menu.Item>
      <Menu.Item className="menu-item" onSelect={() => actions.setHidden(id, true)}>
        {t('menu.hide')}
      </Menu.Item>
      <Menu.Item className="menu-item" onSelect={() => actions.remove(id)}>
        {t('menu.remove')}
      </Menu.Item>
    </>
  );
}

/**
 * The entity's menu (WAI-ARIA menu with submenu, from Radix): opened by a
 * right-click on the canvas or from the list's "⋯" button, fully usable by
 * keyboard.
 */
export function EntityMenu({ target, language, actions, loadCounts, trigger, open, onOpenChange }: Props) {
  const { t } = useTranslation();
  const { name } = target;
  return (
    <Menu.Root modal={false} {...(open === undefined ? {} : { open })} {...(onOpenChange ? { onOpenChange } : {})}>
      <Menu.Trigger asChild>{trigger}</Menu.Trigger>
      <Menu.Portal>
        <Menu.Content className="menu" aria-label={t('menu.label', { name })} align="start" sideOffset={4}>
          <MenuItems target={target} language={language} actions={actions} loadCounts={loadCounts} />
        </Menu.Content>
      </Menu.Portal>
    </Menu.Root>
  );
}
