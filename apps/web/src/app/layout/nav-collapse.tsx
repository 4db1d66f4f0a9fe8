import { useLocalStorage } from '@mantine/hooks';
import { createContext, useCallback, useContext, useLayoutEffect, useState, type ReactNode } from 'react';

/**
 * Whether the side navigation is collapsed to a rail of icons, remembered per browser. Pages
 * and workspaces (the scenario editor, which needs every pixel for its canvas) remember it
 * apart: the navigation is open on pages and collapsed in a workspace until the person says
 * otherwise, and each choice sticks where it was made.
 */
const STORAGE = {
  pages: { key: 'countersign.nav.collapsed', defaultValue: false },
  workspace: { key: 'countersign.nav.collapsed-in-workspace', defaultValue: true },
} as const;

interface NavCollapse {
  collapsed: boolean;
  toggle: () => void;
  /** True while a workspace page is shown (it also drops the page's side margins). */
  workspace: boolean;
}

const NavCollapseContext = createContext<NavCollapse>({
  collapsed: false,
  toggle: () => {},
  workspace: false,
});
const WorkspaceContext = createContext<(shown: boolean) => void>(() => {});

export function NavCollapseProvider({ children }: { children: ReactNode }) {
  const [workspace, setWorkspace] = useState(false);
  const [pages, setPages] = useLocalStorage<boolean>({ ...STORAGE.pages, getInitialValueInEffect: false });
  const [inWorkspace, setInWorkspace] = useLocalStorage<boolean>({
    ...STORAGE.workspace,
    getInitialValueInEffect: false,
  });
  const collapsed = workspace ? inWorkspace : pages;
  const toggle = useCallback(
    () => (workspace ? setInWorkspace((c) => !c) : setPages((c) => !c)),
    [workspace, setInWorkspace, setPages],
  );
  return (
    <WorkspaceContext.Provider value={setWorkspace}>
      <NavCollapseContext.Provider value={{ collapsed, toggle, workspace }}>
        {children}
      </NavCollapseContext.Provider>
    </WorkspaceContext.Provider>
  );
}

export function useNavCollapse(): NavCollapse {
  return useContext(NavCollapseContext);
}

/**
 * Marks the page as a workspace while it is shown: the navigation takes the workspace's
 * remembered state (collapsed at first). A layout effect, so the first paint is already wide.
 */
export function useWorkspaceLayout(): void {
  const setWorkspace = useContext(WorkspaceContext);
  useLayoutEffect(() => {
    setWorkspace(true);
    return () => setWorkspace(false);
  }, [setWorkspace]);
}
