import { theme } from 'antd';
import type { Key, ReactNode } from 'react';

export interface Item {
  key: Key;
  title: ReactNode;
  description?: ReactNode;
  actions?: ReactNode[];
}

/**
 * A plain list of rows with a title, text and actions. antd 6.6 deprecates `List` (its
 * successor `Listy` is a virtual list meant for thousands of rows), and these lists are short.
 */
export function ItemList({ items, testId }: { items: Item[]; testId?: string }) {
  const { token } = theme.useToken();
  return (
    <div data-testid={testId}>
      {items.map((item, i) => (
        <div
          key={item.key}
          style={{
            display: 'flex',
            flexWrap: 'wrap',
            gap: 8,
            alignItems: 'flex-start',
            padding: '12px 0',
            borderTop: i ? `1px solid ${token.colorSplit}` : undefined,
          }}
        >
          <div style={{ flex: '1 1 240px', minWidth: 0 }}>
            <div style={{ marginBottom: item.description ? 4 : 0 }}>{item.title}</div>
            {item.description && (
              <div style={{ color: token.colorTextSecondary }}>{item.description}</div>
            )}
          </div>
          {item.actions?.length ? (
            <div style={{ display: 'flex', gap: 4 }}>{item.actions}</div>
          ) : null}
        </div>
      ))}
    </div>
  );
}
